using System.Globalization;
using System.Text;

namespace Sitrep.Events;

/// <summary>Normalises place names for comparison ("Al-Bukamal", "Albu Kamal", "Abu Kamal" stay distinct; case, accents, hyphens and the article al-/el- do not matter).</summary>
public static class PlaceNames
{
    /// <summary>
    /// Lower-case letters and digits only, accents stripped, a leading Arabic article (al-, el-, ad-, ar-, as-, at-, ash-)
    /// dropped: "al-Waleed" → "waleed", "Deir ez-Zor" → "deirezzor".
    /// </summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        foreach (var article in (ReadOnlySpan<string>)["al-", "el-", "ad-", "ar-", "as-", "at-", "ash-", "al ", "el "])
        {
            if (trimmed.StartsWith(article, StringComparison.OrdinalIgnoreCase) && trimmed.Length > article.Length + 2)
            {
                trimmed = trimmed[article.Length..];
                break;
            }
        }

        var sb = new StringBuilder(trimmed.Length);
        foreach (var ch in trimmed.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }
}
