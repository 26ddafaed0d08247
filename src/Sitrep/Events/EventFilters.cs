using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Temporal;

namespace Sitrep.Events;

/// <summary>
/// Mentions the annotation guideline says not to code although they carry a trigger: the start of a campaign
/// ("began carrying out air strikes in late September"), habitual or generic statements ("regularly bomb", "such
/// attacks are usually carried out"), and ceasefires or deals that are only referred to ("violating the cease-fire
/// agreement", "discussions regarding the truce") rather than concluded. Surface rules over the trigger's clause.
/// </summary>
internal static class EventFilters
{
    static readonly FrozenSet<string> CampaignStarts = new[] { "began", "begun", "begins", "start", "started", "starting", "starts", "launched", "initiated" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> HabitualCues = new[] { "regularly", "usually", "often", "frequently", "routinely", "typically", "generally", "sometimes", "such", "repeatedly" }
        .ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> Concluding = new[]
    {
        "agreed", "agree", "agreeing", "reached", "signed", "brokered", "struck", "announced", "announces", "declared", "declares",
        "implemented", "under", "effect", "force", "concluded", "sealed", "clinched", "negotiated", "established",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> ReferenceOnly = new[]
    {
        "violating", "violated", "violate", "violation", "violations", "breach", "breached", "breaches", "breaching", "committed",
        "party", "discussions", "discussion", "regarding", "talks", "support", "supports", "call", "called", "calls", "urged", "urges",
        "collapse", "collapsed", "fragile", "despite", "under", "renewed",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> ClauseBreaks = new[] { ",", ";", ":", "but", "while", "which", "who", "that", "when", "after", "before", "said", "says" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"began/started/launched ... air strikes ... in September": a campaign's start, not a dated act (unless dated to a day).</summary>
    public static bool IsCampaignStart(ImmutableArray<MatchUnit> u, int triggerStart, TimePrecision datePrecision)
    {
        for (var j = triggerStart - 1; j >= Math.Max(0, triggerStart - 5); j--)
        {
            if (ClauseBreaks.Contains(u[j].Key))
            {
                return false;
            }

            if (CampaignStarts.Contains(u[j].Key))
            {
                return datePrecision != TimePrecision.Day;
            }

            // "the fourth stage of the campaign ... aiming to", "in preparation for the final liberation of": a goal, not a result.
            if (u[j].Key is "stage" or "phase" or "campaign" or "aiming" or "aimed" or "goal" or "preparation" or "preparations" or "preparing" or "prelude")
            {
                return true;
            }
        }

        return false;
    }

    static readonly FrozenSet<string> UseCues = new[]
    {
        "killed", "kill", "kills", "killing", "dropped", "dropping", "fired", "firing", "used", "using", "struck", "hit", "hits", "launched",
        "attack", "attacked", "attacks", "suffocated", "suffocation", "victims", "injured", "wounded", "affected", "exposed", "carried", "massacre",
        "released", "releasing", "targeted", "targeting", "massacring", "massacred", "containing", "loaded", "filled", "poisoned",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"chemical weapons", "poison gas" named as a weapon (inspectors, stockpiles, "the use of") and not as an act that hit someone.</summary>
    public static bool IsWeaponOnly(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        var key = MatchUnit.Normalize(t.Form);
        if (key.Contains("attack", StringComparison.Ordinal) || key.Contains("massacre", StringComparison.Ordinal))
        {
            return false;
        }

        return !AnyAround(u, t, j => UseCues.Contains(u[j].Key) && !(u[j].Key == "used" && j + 1 < u.Length && u[j + 1].Key == "of")
            && !(j > 0 && u[j - 1].Key is "the" && u[j].Key is "use"));
    }

    /// <summary>True when a unit within six of the trigger (outside it) satisfies <paramref name="isCue"/>.</summary>
    static bool AnyAround(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t, Func<int, bool> isCue)
    {
        for (var j = Math.Max(0, t.Start - 6); j < Math.Min(u.Length, t.End + 6); j++)
        {
            if ((j < t.Start || j >= t.End) && isCue(j))
            {
                return true;
            }
        }

        return false;
    }

    static readonly FrozenSet<string> Munitions = new[]
    {
        "missile", "missiles", "rocket", "rockets", "artillery", "mortar", "mortars", "shell", "shells", "munitions", "ammunition",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> LandingCues = new[]
    {
        "landed", "land", "lands", "landing", "fell", "falling", "slammed", "exploded", "rained", "pounded", "struck", "strike", "hit",
        "hitting", "damaged", "destroyed", "wounding", "injuring", "shot", "shooting", "intercepted", "barrage", "salvo", "volley", "impact",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "selling $1.3 billion in artillery", "$1 billion in missiles", "flares and missiles were let off before kick-off":
    /// a bare munition noun with no act of firing, landing or hitting around it is a weapon named, not a bombardment.
    /// </summary>
    public static bool IsMunitionOnly(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        if (t.Entry.IsVerb || t.End - t.Start != 1 || !Munitions.Contains(u[t.Start].Key))
        {
            return false;
        }

        return !AnyAround(u, t, j => UseCues.Contains(u[j].Key) || LandingCues.Contains(u[j].Key));
    }

    /// <summary>
    /// "civilians were fleeing fighting in X", "thousands have fled the fierce fighting": displacement (guideline §1), the
    /// fighting only its backdrop, with no side or time of its own.
    /// </summary>
    public static bool IsFledFrom(ImmutableArray<MatchUnit> u, int triggerStart)
    {
        for (var j = triggerStart - 1; j >= Math.Max(0, triggerStart - 3); j--)
        {
            if (u[j].Key is "flee" or "flees" or "fled" or "fleeing" or "escape" or "escaped" or "escaping" or "escapes")
            {
                return true;
            }

            if (u[j].Key is not ("the" or "fierce" or "heavy" or "intense" or "ongoing" or "renewed" or "violent"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"rebels backed by Turkish tanks and air strikes": the support of another act, not an act of its own.</summary>
    public static bool IsBackingOf(ImmutableArray<MatchUnit> u, int triggerStart)
    {
        for (var j = triggerStart - 1; j >= Math.Max(1, triggerStart - 6); j--)
        {
            if (ClauseBreaks.Contains(u[j].Key) && u[j].Key != ",")
            {
                return false;
            }

            if (u[j].Key is "by" or "with" && u[j - 1].Key is "backed" or "supported" or "aided" or "helped" or "assisted" or "covered")
            {
                return true;
            }

            // "drove IS from Kobane with the help of US-led air strikes", "under cover of artillery fire".
            if (u[j].Key == "of" && u[j - 1].Key is "help" or "support" or "backing" or "cover" or "aid" or "assistance")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"is under continued shelling", "under siege", "under fire": a state, not an act (guideline §5).</summary>
    public static bool IsState(ImmutableArray<MatchUnit> u, int triggerStart, bool isVerb)
    {
        if (isVerb && !u[triggerStart].Key.EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        for (var j = triggerStart - 1; j >= Math.Max(0, triggerStart - 3); j--)
        {
            if (u[j].Key == "under")
            {
                return true;
            }

            if (u[j].Key is not ("continued" or "continuous" or "constant" or "heavy" or "daily" or "intense" or "full" or "a" or "the" or "regime" or "government" or "rebel" or "ongoing"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"regularly bomb", "such attacks are usually carried out", "often targeted": habitual or generic, not one act.</summary>
    public static bool IsHabitual(ImmutableArray<MatchUnit> u, int triggerStart, int triggerEnd)
    {
        for (var j = triggerStart - 1; j >= Math.Max(0, triggerStart - 10); j--)
        {
            if (ClauseBreaks.Contains(u[j].Key))
            {
                break;
            }

            if (HabitualCues.Contains(u[j].Key) && (u[j].Key != "such" || j >= triggerStart - 3))
            {
                return true;
            }
        }

        // "attacks are usually carried out by".
        for (var j = triggerEnd; j < Math.Min(u.Length, triggerEnd + 3); j++)
        {
            if (u[j].Key is "usually" or "often" or "regularly" or "frequently" or "routinely" or "typically" or "generally")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A nominal ceasefire/truce/deal counts as an agreement only when a concluding verb governs it in its clause
    /// ("agreed a truce", "reached a deal", "announced the cessation", "under a deal"), never when it is only referred to.
    /// </summary>
    public static bool IsUnconcludedAgreement(ImmutableArray<MatchUnit> u, int triggerStart, int triggerEnd)
    {
        var concluded = false;
        for (var j = triggerStart - 1; j >= Math.Max(0, triggerStart - 6); j--)
        {
            var k = u[j].Key;
            if (ReferenceOnly.Contains(k) && k != "under")
            {
                return true;
            }

            if (Concluding.Contains(k))
            {
                concluded = true;
                break;
            }

            if (ClauseBreaks.Contains(k))
            {
                break;
            }
        }

        // "a truce agreed by ...", "the deal was signed", "the ceasefire took effect".
        for (var j = triggerEnd; j < Math.Min(u.Length, triggerEnd + 5) && !concluded; j++)
        {
            if (ClauseBreaks.Contains(u[j].Key) && u[j].Key is not ("that" or "which"))
            {
                break;
            }

            concluded |= Concluding.Contains(u[j].Key) && u[j].Key is not "under";
        }

        return !concluded;
    }
    /// <summary>
    /// "Wednesday's explosion came as Kurdish forces pressed ahead ...", "The December attack came after militants began evacuating
    /// ...", "The new fatal bombings come in the wake of army gains in Aleppo": an act already reported, named again as the subject
    /// of "came/comes" to set it against a backdrop; the places and dates of that clause are the backdrop's, not the act's.
    /// </summary>
    public static bool IsBackdropReMention(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t) =>
        t.End < u.Length && u[t.End].Key is "came" or "comes" or "come" && !t.Form.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>"19 explosions were heard during the air strikes": a sound heard, not a bombing of its own.</summary>
    public static bool IsHeardOnly(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        for (var j = t.End; j < Math.Min(u.Length, t.End + 3); j++)
        {
            if (u[j].Key is "heard" or "audible")
            {
                return true;
            }

            if (u[j].Key is not ("was" or "were" or "could" or "be" or "been" or "have" or "had"))
            {
                return false;
            }
        }

        return false;
    }
    static readonly FrozenSet<string> TrendVerbs = new[]
    {
        "increased", "increase", "increases", "intensified", "intensify", "intensifies", "escalated", "escalate", "escalates", "risen", "rose", "rise",
        "grown", "grew", "subsided", "decreased", "eased", "diminished", "declined", "surged",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> TrendNouns = new[] { "uptick", "increase", "escalation", "surge", "rise", "upsurge", "decline", "decrease", "spike", "intensification" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "clashes ... and regime aerial bombardment have all increased there in recent weeks", "the coalition attacks on Manbij
    /// intensified in late June", "an uptick in government bombardment of the area": a trend, not an act with its own place and
    /// time (guideline §1: "clashes have intensified in recent weeks" is no event).
    /// </summary>
    public static bool IsTrend(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        if (t.Entry.IsVerb && !t.Form.EndsWith('s'))
        {
            return false; // a verb ("shelled the town as fighting intensified") is an act; "attacks" may be the noun
        }

        for (var j = t.Start - 1; j >= Math.Max(0, t.Start - 4); j--)
        {
            if (TrendNouns.Contains(u[j].Key) && j + 1 < u.Length && u[j + 1].Key is "in" or "of")
            {
                return true;
            }

            if (ClauseBreaks.Contains(u[j].Key))
            {
                break;
            }
        }

        for (var j = t.End; j < Math.Min(u.Length, t.End + 12); j++)
        {
            var k = u[j].Key;
            if (TrendVerbs.Contains(k) && j > 0 && u[j - 1].Key is "have" or "has" or "had" or "all" or "both" or "also" or "further" or "sharply" or "significantly"
                    || TrendVerbs.Contains(k) && j == t.End)
            {
                return true;
            }

            if (k is ";" or ":" or "but" or "while" or "said" or "says" or "after" or "when" or "which" or "who" or "that" or "killed" or "kill" or "killing")
            {
                return false;
            }

            if (TrendVerbs.Contains(k) && u[j - 1].Key is not ("on" or "of" or "in" or "the" or "a" or "an"))
            {
                // "the coalition attacks on Manbij intensified": the nominal's own verb a few words on.
                return true;
            }
        }

        return false;
    }

    /// <summary>"a resolution which called for the deployment of UN observers", "demanded a ceasefire": a demand, not an act.</summary>
    public static bool IsDemanded(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        var j = t.Start - 1;
        while (j >= 0 && u[j].Key is "the" or "a" or "an" or "immediate" or "urgent" or "new" or "full")
        {
            j--;
        }

        return j >= 1 && u[j].Key == "for" && u[j - 1].Key is "call" or "called" or "calls" or "calling" or "appealed" or "appeal" or "pressed" or "pushed" or "lobbied"
            || j >= 0 && u[j].Key is "demanded" or "demanding" or "demands" or "demand" or "requested" or "requesting";
    }
    /// <summary>"having finished the brutal bombing campaign on eastern Aleppo", "the battle against Islamic State": a campaign or
    /// the war itself, not one act (guideline §1).</summary>
    public static bool IsCampaign(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t) =>
        t.End < u.Length
        && (u[t.End].Key is "campaign" or "campaigns"
            // "strategically important in the battle against Islamic State", "the fight against terrorism": the war, not a clash.
            || (t.Entry.Class == TriggerClass.Clash && !t.Entry.IsVerb && u[t.End].Key == "against" && t.Start > 0 && u[t.Start - 1].Key == "the"));

    /// <summary>"the troops found and saved 19 civilians abducted by Daesh": people freed, whose abduction the text neither places nor dates.</summary>
    public static bool IsRescuedCaptives(ImmutableArray<MatchUnit> u, EventExtractor.TriggerMention t)
    {
        for (var j = t.Start - 1; j >= Math.Max(0, t.Start - 6); j--)
        {
            if (u[j].Key is "saved" or "rescued" or "freed" or "released" or "liberated" or "found" or "rescue" or "free" or "release" or "freeing" or "rescuing" or "releasing")
            {
                return true;
            }

            if (ClauseBreaks.Contains(u[j].Key))
            {
                return false;
            }
        }

        return false;
    }
}
