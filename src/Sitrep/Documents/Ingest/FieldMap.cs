using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Which input column (CSV) or property (JSON) holds each document field. Unmapped fields are looked up under
/// their own name; columns and properties that hold no field are kept as metadata.
/// </summary>
public sealed record FieldMap
{
    /// <summary>The document fields that can be mapped.</summary>
    public static readonly ImmutableArray<string> Fields = ["id", "url", "title", "published", "outlet", "text", "html"];

    static readonly FrozenSet<string> FieldSet = Fields.ToFrozenSet(StringComparer.Ordinal);

    FieldMap(ImmutableSortedDictionary<string, string> explicitColumns) => Explicit = explicitColumns;

    /// <summary>The identity map: every field under its own name.</summary>
    public static FieldMap Default { get; } = new(ImmutableSortedDictionary<string, string>.Empty);

    /// <summary>Fields mapped explicitly (<c>--map</c>), field → column; these columns must exist.</summary>
    public ImmutableSortedDictionary<string, string> Explicit { get; }

    /// <summary>The column or property name that holds <paramref name="field"/>.</summary>
    public string ColumnOf(string field) => Explicit.TryGetValue(field, out var c) ? c : field;

    /// <summary>
    /// Parses <c>field=column,field=column</c>; returns null and sets <paramref name="error"/> when a pair is
    /// malformed or names an unknown field.
    /// </summary>
    public static FieldMap? TryParse(string? spec, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(spec))
        {
            return Default;
        }

        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                error = $"--map: '{pair}' is not field=column";
                return null;
            }

            var field = pair[..eq].Trim().ToLowerInvariant();
            var column = pair[(eq + 1)..].Trim();
            if (!FieldSet.Contains(field))
            {
                error = $"--map: unknown field '{field}' (fields: {string.Join(", ", Fields)})";
                return null;
            }

            if (!map.TryAdd(field, column))
            {
                error = $"--map: field '{field}' mapped twice";
                return null;
            }
        }

        return new FieldMap(map.ToImmutable());
    }
}
