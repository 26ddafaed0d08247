using System.Text;

namespace Sitrep.Reports;

/// <summary>Stable colours for actors and event types (a fixed palette indexed by a hash of the name).</summary>
public static class Palette
{
    static readonly string[] Colors =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    ];

    /// <summary>The colour of <paramref name="name"/>; grey for unknown.</summary>
    public static string ColorOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "#bbbbbb";
        }

        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name.ToLowerInvariant()))
        {
            h = unchecked((h ^ b) * 16777619u);
        }

        return Colors[h % (uint)Colors.Length];
    }

    /// <summary>The i-th colour of the palette (cycling).</summary>
    public static string At(int i) => Colors[((i % Colors.Length) + Colors.Length) % Colors.Length];
}
