namespace Sitrep.Syntax;

/// <summary>Scores hashed sparse features for every class (training or frozen weights).</summary>
internal interface IFeatureScorer
{
    /// <summary>Clears <paramref name="scores"/> and adds each feature's class weights.</summary>
    void Score(ReadOnlySpan<uint> features, Span<float> scores);
}
