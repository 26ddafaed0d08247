namespace Sitrep.Events;

/// <summary>Which rule filled a role of an event (kept as evidence with every statement).</summary>
public enum RoleRule
{
    /// <summary>Not filled.</summary>
    None,
    /// <summary>Syntactic subject of the trigger verb.</summary>
    Subject,
    /// <summary>Syntactic object.</summary>
    Object,
    /// <summary>Agent of a passive ("by X").</summary>
    PassiveAgent,
    /// <summary>Possessor or pre-modifier of a nominal trigger ("Turkish shelling", "IS's attack").</summary>
    Possessor,
    /// <summary>"from X" of a capture.</summary>
    FromPhrase,
    /// <summary>"to X" of "fell to".</summary>
    ToPhrase,
    /// <summary>"against X", "on X", "targeting X".</summary>
    AgainstPhrase,
    /// <summary>The captor in another control change of the same place in the same sentence ("recaptured areas which rebels had seized": the loser of the seizure).</summary>
    OtherSide,
    /// <summary>Nearest actor before the trigger in its sentence (positional fallback).</summary>
    NearestBefore,
    /// <summary>Nearest actor after the trigger in its sentence (positional fallback).</summary>
    NearestAfter,
    /// <summary>Taken from another trigger of the same sentence (a kill verb merged into its event).</summary>
    Merged,
    /// <summary>Place after a locative preposition (in, near, at, around, outside).</summary>
    LocativePhrase,
    /// <summary>The captured place itself (object of the capture).</summary>
    CapturedPlace,
    /// <summary>Nearest place in the sentence.</summary>
    SentencePlace,
    /// <summary>A place from a neighbouring sentence of the paragraph.</summary>
    ParagraphPlace,
    /// <summary>The headline's or the document's first place.</summary>
    DocumentPlace,
    /// <summary>An anaphor ("the town", "the group") resolved to an earlier mention.</summary>
    Coreference,
    /// <summary>The event's own temporal expression.</summary>
    OwnDate,
    /// <summary>The publication date, with lowered precision.</summary>
    PublicationDate,
    /// <summary>Estimated from the years the document mentions (no publication date).</summary>
    DocumentYears,
}
