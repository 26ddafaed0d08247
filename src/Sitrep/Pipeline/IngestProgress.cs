namespace Sitrep.Pipeline;

/// <summary>Progress of an ingest run: the file being read and the running counts.</summary>
public readonly record struct IngestProgress(string CurrentFile, int Read, int Stored, int AlreadyStored, int Failed);
