namespace Sitrep.Documents;

/// <summary>Extracts the article's main text and metadata from a saved web page.</summary>
public interface IMainTextExtractor
{
    /// <summary>The page's main text; an empty <see cref="ExtractedPage.MainText"/> when none was found.</summary>
    ExtractedPage Extract(string html, string? url);
}
