using System.Collections.Immutable;
using Sitrep.Documents.Ingest;
using Sitrep.Storage;

namespace Sitrep.Pipeline;

/// <summary>
/// What an ingest run did: documents read, newly stored (with their summaries), already stored (skipped),
/// and every problem (bad files and records, documents without text).
/// </summary>
public sealed record IngestReport(
    int Read,
    int AlreadyStored,
    ImmutableArray<DocumentSummary> Stored,
    ImmutableArray<IngestProblem> Problems);
