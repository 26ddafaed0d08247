using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>
/// Where documents are kept. Implementations write each <see cref="SaveAsync"/> batch in one transaction and
/// skip documents whose id is already stored, so saving the same content twice is a no-op and an interrupted
/// run can be resumed.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the batch in one transaction; returns how many documents were new (the rest were already stored).</summary>
    Task<int> SaveAsync(IReadOnlyList<SegmentedArticle> batch, CancellationToken cancellationToken = default);

    /// <summary>The stored document, or null.</summary>
    Task<StoredDocument?> GetAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>True when a document with this id is stored.</summary>
    Task<bool> ExistsAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="ids"/> already stored.</summary>
    Task<IReadOnlySet<DocumentId>> ExistingAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default);

    /// <summary>Every stored document, by publication date (undated last), then id.</summary>
    IAsyncEnumerable<DocumentSummary> ListAsync(CancellationToken cancellationToken = default);
}
