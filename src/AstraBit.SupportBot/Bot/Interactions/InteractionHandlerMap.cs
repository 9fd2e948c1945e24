using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace AstraBit.SupportBot.Bot.Interactions;

/// <summary>
/// Which handler owns each command name and custom_id route, worked out once at start by building every
/// <see cref="ICommandHandler"/> and <see cref="IComponentHandler"/> in a scope of its own. A route is a typed id's
/// prefix ("tk") or a legacy "prefix:action" ("tk:key", a form an older version sent under the ticket prefix), and the
/// more specific route wins. Two handlers claiming the same name or route stop the start, so the order they are
/// registered in never matters. An interaction then builds
/// only its owner, in the event's scope: handlers are registered as themselves (<see cref="InteractionHandlerServices.AddInteractionHandler{T}"/>).
/// </summary>
public sealed class InteractionHandlerMap
{
    private readonly FrozenDictionary<string, Type> commands;
    private readonly FrozenDictionary<string, Type> components;

    public InteractionHandlerMap(IServiceScopeFactory scopes)
        : this(Build(scopes))
    {
    }

    private InteractionHandlerMap((FrozenDictionary<string, Type> Commands, FrozenDictionary<string, Type> Components) owners)
    {
        (commands, components) = owners;
    }

    /// <summary>The owners of the names and prefixes the given handlers claim; throws when two claim the same one.</summary>
    public static InteractionHandlerMap Of(IEnumerable<ICommandHandler> commandHandlers, IEnumerable<IComponentHandler> componentHandlers) =>
        new(Owners(commandHandlers, componentHandlers));

    /// <summary>The handler that owns command <paramref name="name"/>, built in <paramref name="services"/> (the event's scope); null when none does.</summary>
    public ICommandHandler? Command(IServiceProvider services, string name) =>
        commands.TryGetValue(name, out var type) ? (ICommandHandler)services.GetRequiredService(type) : null;

    /// <summary>The handler that owns custom_id <paramref name="id"/> ("prefix:action", else "prefix"), built in <paramref name="services"/>; null when none does.</summary>
    public IComponentHandler? Component(IServiceProvider services, ComponentId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return components.TryGetValue(id.Prefix + ":" + id.Action, out var type) || components.TryGetValue(id.Prefix, out type)
            ? (IComponentHandler)services.GetRequiredService(type)
            : null;
    }

    private static (FrozenDictionary<string, Type>, FrozenDictionary<string, Type>) Build(IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var owners = Owners(services.GetServices<ICommandHandler>(), services.GetServices<IComponentHandler>());
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        foreach (var type in owners.Commands.Values.Concat(owners.Components.Values).Distinct())
        {
            if (!registered.IsService(type))
            {
                throw new InvalidOperationException($"The interaction handler {type.Name} is not registered as itself: add it with AddInteractionHandler<{type.Name}>().");
            }
        }

        return owners;
    }

    private static (FrozenDictionary<string, Type> Commands, FrozenDictionary<string, Type> Components) Owners(
        IEnumerable<ICommandHandler> commandHandlers, IEnumerable<IComponentHandler> componentHandlers)
    {
        ArgumentNullException.ThrowIfNull(commandHandlers);
        ArgumentNullException.ThrowIfNull(componentHandlers);
        return (
            Unique(
                commandHandlers.SelectMany(h => h.Commands.Select(c => (c, h.GetType()))),
                (key, first, second) => new InvalidOperationException($"Two handlers claim the command \"{key}\": {first.Name} and {second.Name}.")),
            Unique(
                componentHandlers.SelectMany(h => h.Routes.Select(r => (r, h.GetType()))),
                (key, first, second) => new InvalidOperationException($"Two handlers claim the custom_id route \"{key}\": {first.Name} and {second.Name}.")));
    }

    // A clash is a programming error: the exception says which key and which two handlers.
    private static FrozenDictionary<string, Type> Unique(IEnumerable<(string Key, Type Handler)> entries, Func<string, Type, Type, Exception> clash)
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var (key, handler) in entries)
        {
            if (!map.TryAdd(key, handler))
            {
                throw clash(key, map[key], handler);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

public static class InteractionHandlerServices
{
    /// <summary>
    /// Registers <typeparamref name="T"/> (scoped, as itself) as an <see cref="ICommandHandler"/> and/or
    /// <see cref="IComponentHandler"/>, whichever it is, so the router can build it alone for the interactions it owns.
    /// </summary>
    public static IServiceCollection AddInteractionHandler<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IServiceCollection services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var isCommand = typeof(ICommandHandler).IsAssignableFrom(typeof(T));
        var isComponent = typeof(IComponentHandler).IsAssignableFrom(typeof(T));
        if (!isCommand && !isComponent)
        {
            throw new ArgumentException($"{typeof(T).Name} is neither an ICommandHandler nor an IComponentHandler.", nameof(T));
        }

        services.AddScoped<T>();
        if (isCommand)
        {
            services.AddScoped(sp => (ICommandHandler)sp.GetRequiredService<T>());
        }

        if (isComponent)
        {
            services.AddScoped(sp => (IComponentHandler)sp.GetRequiredService<T>());
        }

        return services;
    }
}
