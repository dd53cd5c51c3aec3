using System.Reflection;
using Microsoft.Extensions.Logging;
using NextRouteHandlers.Diagnostics;

namespace NextRouteHandlers.Tests.Architecture;

/// <summary>
/// One id means one event across the library, every event has a name, and a component's events live in one
/// <c>*Log</c> class, as ASP.NET Core's OutputCaching and YARP keep theirs.
/// </summary>
public class LogEventTests
{
    private static readonly (MethodInfo Method, LoggerMessageAttribute Event)[] Events = typeof(Next).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Event: m.GetCustomAttribute<LoggerMessageAttribute>()!))
        .Where(e => e.Event is not null)
        .ToArray();

    [Fact]
    public void Every_event_id_is_used_once()
    {
        var twice = Events.GroupBy(e => e.Event.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method.Name))}");

        Assert.True(Events.Length >= 20, $"Only {Events.Length} log events were found.");
        Assert.Empty(twice);
    }

    [Fact]
    public void Every_event_has_the_name_of_its_method_and_an_id_from_the_one_list()
    {
        var ids = typeof(EventIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!).ToHashSet();

        Assert.All(Events, e =>
        {
            Assert.Equal(e.Method.Name, e.Event.EventName);
            Assert.Contains(e.Event.EventId, ids);
        });
    }

    [Fact]
    public void A_components_events_live_in_its_log_class()
    {
        Assert.All(Events, e => Assert.EndsWith("Log", e.Method.DeclaringType!.Name, StringComparison.Ordinal));
        Assert.Equal(Events.Length, Events.Select(e => e.Method.DeclaringType!.FullName + "." + e.Method.Name).Distinct().Count());
    }
}
