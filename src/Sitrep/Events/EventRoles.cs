using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>The rules that filled each role of a coded event.</summary>
public sealed record EventRoles(RoleRule Actor1, RoleRule Actor2, RoleRule Place, RoleRule Date, string Trigger, TriggerClass Class)
{
    /// <summary>A definite nominal mention ("the attack", "the blast") without a place of its own: usually a re-mention.</summary>
    public bool Definite { get; init; }

    /// <summary>Where the trigger sits: body text, headline, quotation or related-article teaser.</summary>
    public MentionKind Mention { get; init; }

    /// <summary>As "actor1=Subject actor2=FromPhrase place=CapturedPlace date=OwnDate".</summary>
    public override string ToString() => $"actor1={Actor1} actor2={Actor2} place={Place} date={Date}";
}
