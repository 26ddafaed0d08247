namespace Sitrep.Events;

/// <summary>ACLED's sub-event types (codebook 2023); <see cref="AcledTaxonomy"/> gives each one's type and label.</summary>
public enum AcledSubEventType
{
    /// <summary>Armed clash.</summary>
    ArmedClash,
    /// <summary>Government regains territory.</summary>
    GovernmentRegainsTerritory,
    /// <summary>Non-state actor overtakes territory.</summary>
    NonStateActorOvertakesTerritory,
    /// <summary>Chemical weapon.</summary>
    ChemicalWeapon,
    /// <summary>Air/drone strike.</summary>
    AirDroneStrike,
    /// <summary>Suicide bomb.</summary>
    SuicideBomb,
    /// <summary>Shelling/artillery/missile attack.</summary>
    ShellingArtilleryMissileAttack,
    /// <summary>Remote explosive/landmine/IED.</summary>
    RemoteExplosiveLandmineIed,
    /// <summary>Grenade.</summary>
    Grenade,
    /// <summary>Sexual violence.</summary>
    SexualViolence,
    /// <summary>Attack (on civilians).</summary>
    Attack,
    /// <summary>Abduction/forced disappearance.</summary>
    AbductionForcedDisappearance,
    /// <summary>Peaceful protest.</summary>
    PeacefulProtest,
    /// <summary>Protest with intervention.</summary>
    ProtestWithIntervention,
    /// <summary>Excessive force against protesters.</summary>
    ExcessiveForceAgainstProtesters,
    /// <summary>Violent demonstration.</summary>
    ViolentDemonstration,
    /// <summary>Mob violence.</summary>
    MobViolence,
    /// <summary>Agreement.</summary>
    Agreement,
    /// <summary>Arrests.</summary>
    Arrests,
    /// <summary>Change to group/activity.</summary>
    ChangeToGroupActivity,
    /// <summary>Disrupted weapons use.</summary>
    DisruptedWeaponsUse,
    /// <summary>Headquarters or base established.</summary>
    HeadquartersOrBaseEstablished,
    /// <summary>Looting/property destruction.</summary>
    LootingPropertyDestruction,
    /// <summary>Non-violent transfer of territory.</summary>
    NonViolentTransferOfTerritory,
    /// <summary>Other.</summary>
    Other,
}
