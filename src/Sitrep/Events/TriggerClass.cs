namespace Sitrep.Events;

/// <summary>What a trigger word denotes, before the type rules pick the ACLED sub-event type.</summary>
public enum TriggerClass
{
    /// <summary>Capture, seize, take control, liberate, overrun.</summary>
    Capture,
    /// <summary>"X fell to Y": the subject is the place.</summary>
    FallTo,
    /// <summary>"X lost / ceded Y": the subject is the loser.</summary>
    Lose,
    /// <summary>Withdraw, hand over, retreat.</summary>
    Withdraw,
    /// <summary>Encircle, besiege, storm.</summary>
    Encircle,
    /// <summary>Advance, offensive.</summary>
    Advance,
    /// <summary>Clashes, battle, fighting.</summary>
    Clash,
    /// <summary>Attack, ambush, raid, shooting.</summary>
    Attack,
    /// <summary>Air or drone strike, bombing from the air, barrel bombs.</summary>
    AirStrike,
    /// <summary>Shelling, mortars, rockets, missiles, artillery.</summary>
    Shelling,
    /// <summary>Car bomb, IED, landmine, explosion.</summary>
    Explosive,
    /// <summary>Suicide bombing.</summary>
    SuicideBomb,
    /// <summary>Chemical or gas attack.</summary>
    Chemical,
    /// <summary>Kill: attaches to another event of its sentence, else codes by its target.</summary>
    Kill,
    /// <summary>Execute, massacre, assassinate.</summary>
    Execute,
    /// <summary>Kidnap, abduct.</summary>
    Kidnap,
    /// <summary>Arrest, detain.</summary>
    Arrest,
    /// <summary>Ceasefire, truce, agreement, deal.</summary>
    Agreement,
    /// <summary>Deploy, mobilise.</summary>
    Deploy,
    /// <summary>Establish a base.</summary>
    Base,
    /// <summary>Protest, demonstration, rally.</summary>
    Protest,
    /// <summary>Riot.</summary>
    Riot,
    /// <summary>Looting, burning property.</summary>
    Loot,
    /// <summary>Defuse, dismantle, shoot down.</summary>
    Defuse,
    /// <summary>A verbal act coded in PLOVER only (demand, reject, threaten, consult...), never an ACLED event.</summary>
    Statement,
}
