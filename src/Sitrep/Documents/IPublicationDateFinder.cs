namespace Sitrep.Documents;

/// <summary>Finds a publication date in article text (a dateline), never in crawl banners or footers.</summary>
public interface IPublicationDateFinder
{
    /// <summary>The dateline date of <paramref name="text"/>, or null when there is none.</summary>
    PublicationDate? Find(string text);
}
