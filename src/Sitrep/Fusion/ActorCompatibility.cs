using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>
/// Decides whether two actor references can name the same party: same registry id, same name, a generic side
/// of the same kind ("rebels" vs "Jaish al-Islam"), or forces of the same state ("Syrian army" vs "Syrian air
/// force"). Unknown actors (null) are compatible with anything. Generic names come from
/// <c>data/fusion/generic-actors.tsv</c>.
/// </summary>
public sealed class ActorCompatibility
{
    readonly FrozenDictionary<string, ActorKind> _generic;

    /// <summary>Creates the rule from a generic-name table.</summary>
    public ActorCompatibility(IReadOnlyDictionary<string, ActorKind> genericNames)
    {
        ArgumentNullException.ThrowIfNull(genericNames);
        _generic = genericNames.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    static readonly Lazy<ActorCompatibility> LazyDefault = new(() =>
        new ActorCompatibility(Load(Path.Combine(AppContext.BaseDirectory, "data", "fusion", "generic-actors.tsv"))));

    /// <summary>The rule loaded from the shipped data file.</summary>
    public static ActorCompatibility Default => LazyDefault.Value;

    /// <summary>Reads a generic-actor table (lines "name TAB ActorKind", # comments).</summary>
    public static IReadOnlyDictionary<string, ActorKind> Load(string path)
    {
        var map = new Dictionary<string, ActorKind>(StringComparer.OrdinalIgnoreCase);
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || !Enum.TryParse<ActorKind>(parts[1].Trim(), out var kind))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNo}: expected 'name<TAB>ActorKind'"));
            }

            map[parts[0].Trim()] = kind;
        }

        return map;
    }

    /// <summary>True when <paramref name="actor"/> is a generic side rather than a named party.</summary>
    public bool IsGeneric(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Id.StartsWith("generic", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = StripDemonym(actor.Name);
        return _generic.ContainsKey(name) || _generic.ContainsKey(actor.Name.Trim());
    }

    static string StripDemonym(string name)
    {
        var n = name.Trim();
        var space = n.IndexOf(' ', StringComparison.Ordinal);
        // "Syrian rebels", "Iraqi troops", "Turkish jets": the first word is a demonym when the rest is generic.
        return space > 0 && char.IsUpper(n[0]) ? n[(space + 1)..] : n;
    }

    /// <summary>True when the two references can name the same party.</summary>
    public bool Compatible(ActorRef? a, ActorRef? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        if (string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase) && a.Id.Length > 0 && !a.Id.StartsWith("generic", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(PlaceNames.Key(a.Name), PlaceNames.Key(b.Name), StringComparison.Ordinal))
        {
            return true;
        }

        var countriesAgree = a.Country is null || b.Country is null
            || string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase);
        if (a.Kind == b.Kind && countriesAgree && (IsGeneric(a) || IsGeneric(b)))
        {
            return true;
        }

        // Forces of one state: army, air force, police of the same country.
        if (a.Kind == b.Kind && a.Kind is ActorKind.StateForces or ActorKind.ExternalForce or ActorKind.Government
            && a.Country is { Length: > 0 } && countriesAgree)
        {
            return true;
        }

        // State forces vs government acting as one party (same country).
        if (a.Kind is ActorKind.StateForces or ActorKind.Government && b.Kind is ActorKind.StateForces or ActorKind.Government
            && a.Country is { Length: > 0 } && countriesAgree)
        {
            return true;
        }

        // An unidentified group can be anyone armed.
        return (a.Kind == ActorKind.Unidentified && IsArmed(b.Kind)) || (b.Kind == ActorKind.Unidentified && IsArmed(a.Kind));
    }

    static bool IsArmed(ActorKind k) => k is ActorKind.StateForces or ActorKind.RebelGroup or ActorKind.Militia
        or ActorKind.ExternalForce or ActorKind.Unidentified;
}
