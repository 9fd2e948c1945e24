using LiteDB;
using LiteDB.Engine;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// LiteDB's engine with one writer at a time. LiteDB 5.0 locks a collection for the transaction that writes it, but two
/// transactions writing different collections share the header page's free-page list unguarded: a delete that frees a
/// page while another collection inserts fails with "empty page must be defined as empty type" (litedb-org/LiteDB#2503,
/// #2825) and can leave the list wrong in the file. The bot's writes are small and synchronous, so taking them one at a
/// time costs nothing noticeable; reads still run beside them. An explicit transaction holds the lock from BeginTrans to
/// Commit or Rollback (LiteDB binds a transaction to its thread, and the stores open and close one without awaiting).
/// Closing waits for the reads still running: LiteDB 5.0 closed under a read leaves that read's transaction open, and
/// when the garbage collector finalizes it, its release of pages the close already freed throws on the finalizer thread,
/// which ends the process ("share counter must be > 0", litedb-org/LiteDB#2828). A read begun after closing is refused.
/// </summary>
internal sealed class SerializedWrites(ILiteEngine inner) : ILiteEngine
{
    /// <summary>How long closing waits for reads still running before it closes all the same.</summary>
    internal static readonly TimeSpan ReadsWait = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly Lock readsGate = new();
    private readonly ManualResetEventSlim readsDone = new(initialState: true);
    private int reads;
    private bool closing;

    /// <summary>Whether closing has begun (reads begun from now on are refused).</summary>
    internal bool IsClosing
    {
        get
        {
            lock (readsGate)
            {
                return closing;
            }
        }
    }

    /// <summary>The engine LiteDB itself would open for a direct connection, with its writes taken one at a time.</summary>
    public static SerializedWrites Open(ConnectionString connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new SerializedWrites(new LiteEngine(new EngineSettings
        {
            Filename = connection.Filename,
            Password = connection.Password,
            InitialSize = connection.InitialSize,
            ReadOnly = connection.ReadOnly,
            Collation = connection.Collation,
            Upgrade = connection.Upgrade,
            AutoRebuild = connection.AutoRebuild,
        }));
    }

    public int Checkpoint() => Write(() => inner.Checkpoint());

    public long Rebuild(RebuildOptions options) => Write(() => inner.Rebuild(options));

    public bool BeginTrans()
    {
        gate.Enter();
        var begun = false;
        try
        {
            begun = inner.BeginTrans();
            return begun;
        }
        finally
        {
            // Already in a transaction on this thread: that one holds the lock.
            if (!begun)
            {
                gate.Exit();
            }
        }
    }

    public bool Commit() => End(inner.Commit);

    public bool Rollback() => End(inner.Rollback);

    public IBsonDataReader Query(string collection, Query query)
    {
        BeginRead();
        try
        {
            return new SharedDataReader(inner.Query(collection, query), EndRead);
        }
        catch
        {
            EndRead();
            throw;
        }
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Write(() => inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Write(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name)
    {
        BeginRead();
        try
        {
            return inner.Pragma(name);
        }
        finally
        {
            EndRead();
        }
    }

    public bool Pragma(string name, BsonValue value) => Write(() => inner.Pragma(name, value));

    public void Dispose()
    {
        lock (readsGate)
        {
            closing = true;
        }

        readsDone.Wait(ReadsWait);
        lock (gate)
        {
            inner.Dispose();
        }
    }

    private void BeginRead()
    {
        lock (readsGate)
        {
            ObjectDisposedException.ThrowIf(closing, this);
            if (reads++ == 0)
            {
                readsDone.Reset();
            }
        }
    }

    private void EndRead()
    {
        lock (readsGate)
        {
            if (--reads == 0)
            {
                readsDone.Set();
            }
        }
    }

    private T Write<T>(Func<T> write)
    {
        lock (gate)
        {
            return write();
        }
    }

    private bool End(Func<bool> end)
    {
        // The lock was taken by this thread's BeginTrans; without one, LiteDB has nothing to end either.
        if (!gate.IsHeldByCurrentThread)
        {
            return end();
        }

        try
        {
            return end();
        }
        finally
        {
            gate.Exit();
        }
    }
}
