using System.Collections.Frozen;

namespace Sitrep.Events;

/// <summary>ACLED's labels and the type each sub-event type belongs to.</summary>
public static class AcledTaxonomy
{
    static readonly FrozenDictionary<AcledSubEventType, (AcledEventType Type, string Label)> Table =
        new Dictionary<AcledSubEventType, (AcledEventType, string)>
        {
            [AcledSubEventType.ArmedClash] = (AcledEventType.Battles, "Armed clash"),
            [AcledSubEventType.GovernmentRegainsTerritory] = (AcledEventType.Battles, "Government regains territory"),
            [AcledSubEventType.NonStateActorOvertakesTerritory] = (AcledEventType.Battles, "Non-state actor overtakes territory"),
            [AcledSubEventType.ChemicalWeapon] = (AcledEventType.ExplosionsRemoteViolence, "Chemical weapon"),
            [AcledSubEventType.AirDroneStrike] = (AcledEventType.ExplosionsRemoteViolence, "Air/drone strike"),
            [AcledSubEventType.SuicideBomb] = (AcledEventType.ExplosionsRemoteViolence, "Suicide bomb"),
            [AcledSubEventType.ShellingArtilleryMissileAttack] = (AcledEventType.ExplosionsRemoteViolence, "Shelling/artillery/missile attack"),
            [AcledSubEventType.RemoteExplosiveLandmineIed] = (AcledEventType.ExplosionsRemoteViolence, "Remote explosive/landmine/IED"),
            [AcledSubEventType.Grenade] = (AcledEventType.ExplosionsRemoteViolence, "Grenade"),
            [AcledSubEventType.SexualViolence] = (AcledEventType.ViolenceAgainstCivilians, "Sexual violence"),
            [AcledSubEventType.Attack] = (AcledEventType.ViolenceAgainstCivilians, "Attack"),
            [AcledSubEventType.AbductionForcedDisappearance] = (AcledEventType.ViolenceAgainstCivilians, "Abduction/forced disappearance"),
            [AcledSubEventType.PeacefulProtest] = (AcledEventType.Protests, "Peaceful protest"),
            [AcledSubEventType.ProtestWithIntervention] = (AcledEventType.Protests, "Protest with intervention"),
            [AcledSubEventType.ExcessiveForceAgainstProtesters] = (AcledEventType.Protests, "Excessive force against protesters"),
            [AcledSubEventType.ViolentDemonstration] = (AcledEventType.Riots, "Violent demonstration"),
            [AcledSubEventType.MobViolence] = (AcledEventType.Riots, "Mob violence"),
            [AcledSubEventType.Agreement] = (AcledEventType.StrategicDevelopments, "Agreement"),
            [AcledSubEventType.Arrests] = (AcledEventType.StrategicDevelopments, "Arrests"),
            [AcledSubEventType.ChangeToGroupActivity] = (AcledEventType.StrategicDevelopments, "Change to group/activity"),
            [AcledSubEventType.DisruptedWeaponsUse] = (AcledEventType.StrategicDevelopments, "Disrupted weapons use"),
            [AcledSubEventType.HeadquartersOrBaseEstablished] = (AcledEventType.StrategicDevelopments, "Headquarters or base established"),
            [AcledSubEventType.LootingPropertyDestruction] = (AcledEventType.StrategicDevelopments, "Looting/property destruction"),
            [AcledSubEventType.NonViolentTransferOfTerritory] = (AcledEventType.StrategicDevelopments, "Non-violent transfer of territory"),
            [AcledSubEventType.Other] = (AcledEventType.StrategicDevelopments, "Other"),
        }.ToFrozenDictionary();

    static readonly FrozenDictionary<string, AcledSubEventType> ByLabel =
        Table.ToFrozenDictionary(kv => kv.Value.Label, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The event type a sub-event type belongs to.</summary>
    public static AcledEventType TypeOf(AcledSubEventType subType) => Table[subType].Type;

    /// <summary>ACLED's label of a sub-event type, e.g. "Air/drone strike".</summary>
    public static string Label(AcledSubEventType subType) => Table[subType].Label;

    /// <summary>ACLED's label of an event type, e.g. "Explosions/Remote violence".</summary>
    public static string Label(AcledEventType type) => type switch
    {
        AcledEventType.Battles => "Battles",
        AcledEventType.ExplosionsRemoteViolence => "Explosions/Remote violence",
        AcledEventType.ViolenceAgainstCivilians => "Violence against civilians",
        AcledEventType.Protests => "Protests",
        AcledEventType.Riots => "Riots",
        AcledEventType.StrategicDevelopments => "Strategic developments",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The sub-event type with ACLED label <paramref name="label"/>, or null.</summary>
    public static AcledSubEventType? ParseSubType(string label) =>
        ByLabel.TryGetValue(label.Trim(), out var s) ? s : null;
}
