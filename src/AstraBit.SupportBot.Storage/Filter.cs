using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LiteDB;

namespace AstraBit.SupportBot.Storage;

/// <summary>
/// LiteDB's <c>Query.EQ</c>, <c>LT</c>, <c>And</c>… with each value as a parameter instead of written into the query's
/// text. LiteDB compiles every distinct query text once and keeps the compiled delegate for the life of the process
/// (a static cache in <see cref="BsonExpression"/> that is never trimmed: LiteDB#1688, #2421), and <c>Query.EQ("member",
/// 42)</c> writes 42 into the text, so every member, thread and moment a store asked about compiled and kept a query of
/// its own: about 4,000 in the full-day soak, 2–3 KB of managed memory each plus their JIT-compiled code. A query built
/// here names only fields and <c>@0</c>, <c>@1</c>…, so the process keeps one per query shape; the values travel as
/// parameters and the indexes are used as before.
/// </summary>
internal static partial class Filter
{
    public static BsonExpression EQ(string field, BsonValue value) => Compare(field, "=", value);

    public static BsonExpression Not(string field, BsonValue value) => Compare(field, "!=", value);

    public static BsonExpression LT(string field, BsonValue value) => Compare(field, "<", value);

    public static BsonExpression LTE(string field, BsonValue value) => Compare(field, "<=", value);

    public static BsonExpression GT(string field, BsonValue value) => Compare(field, ">", value);

    public static BsonExpression GTE(string field, BsonValue value) => Compare(field, ">=", value);

    public static BsonExpression Between(string field, BsonValue start, BsonValue end) =>
        BsonExpression.Create($"{field} BETWEEN @0 AND @1", start ?? BsonValue.Null, end ?? BsonValue.Null);

    public static BsonExpression In(string field, IEnumerable<BsonValue> values) => BsonExpression.Create($"{field} IN @0", new BsonArray(values));

    public static BsonExpression And(params BsonExpression[] terms) => Join("AND", terms);

    public static BsonExpression Or(params BsonExpression[] terms) => Join("OR", terms);

    private static BsonExpression Compare(string field, string operation, BsonValue value) =>
        BsonExpression.Create($"{field} {operation} @0", value ?? BsonValue.Null);

    // Each term numbers its own parameters from @0; joined, they are renumbered after the terms before them.
    private static BsonExpression Join(string operation, BsonExpression[] terms)
    {
        var text = new StringBuilder("(");
        var values = new List<BsonValue>();
        foreach (var term in terms)
        {
            if (text.Length > 1)
            {
                text.Append(' ').Append(operation).Append(' ');
            }

            var offset = values.Count;
            text.Append(Parameter().Replace(term.Source, m => string.Create(CultureInfo.InvariantCulture, $"@{offset + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}")));
            for (var i = 0; i < term.Parameters.Count; i++)
            {
                values.Add(term.Parameters[i.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        return BsonExpression.Create(text.Append(')').ToString(), [.. values]);
    }

    [GeneratedRegex(@"@(\d+)")]
    private static partial Regex Parameter();
}
