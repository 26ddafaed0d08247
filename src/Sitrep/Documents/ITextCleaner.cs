namespace Sitrep.Documents;

/// <summary>
/// Removes boilerplate lines (share/advertisement/related/comment-policy, shortcodes, navigation residue,
/// repeated captions, crawl-date banners) from article text, keeping a record of every cut.
/// </summary>
public interface ITextCleaner
{
    /// <summary>Cleans <paramref name="text"/>; <paramref name="outletProfile"/> holds lines that recur across the outlet's documents.</summary>
    CleanedText Clean(string text, OutletProfile? outletProfile = null);
}
