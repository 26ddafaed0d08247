using BenchmarkDotNet.Attributes;
using Sitrep.Geo;

namespace Sitrep.Benchmarks;

/// <summary>
/// Recognition + resolution speed of the geoparser on a conflict-news paragraph (8 sentences). Sentences per
/// second = 8 / mean time. Needs the npm gazetteer data (`npm ci`) and builds the index on first use.
/// </summary>
[MemoryDiagnoser]
public class GeoparserBenchmarks
{
    private const string Paragraph =
        "The Islamic State group recaptured nearly all of Albu Kamal in eastern Syria on Saturday. " +
        "Iraqi forces seized several villages near Al-Qaim as they advanced towards Rawa in Anbar province. " +
        "The Syrian Observatory for Human Rights said clashes were ongoing in rural Deir Ezzor. " +
        "Russian air strikes hit southwestern Aleppo and the Idlib countryside, the Kremlin said. " +
        "Kurdish-led fighters took the Tabqa Dam and the al-Omar oil field east of Raqqa. " +
        "Ankara considers the YPG a terrorist group, while Washington backs it. " +
        "Government troops entered Palmyra and pushed towards the T4 airbase in Homs province. " +
        "Refugees crossed at Bab al-Hawa near the Turkish border on Monday.";

    private Geoparser _parser = null!;

    [GlobalSetup]
    public void Setup() => _parser = Geoparser.Create(new GeoparserOptions(), Console.Error);

    [Benchmark(Description = "Parse 8 sentences")]
    public int Parse() => _parser.Parse(Paragraph, []).Length;
}
