namespace QaShopper.Simulation;

/// <summary>The behaviour names a profile gives probabilities for and a line may name.</summary>
internal static class Behaviours
{
    public const string Greets = "greets";
    public const string GivesName = "gives_name";
    public const string FollowsProcedure = "follows_procedure";
    public const string CorrectInformation = "correct_information";
    public const string OffersMoreHelp = "offers_more_help";
    public const string ClosesPolitely = "closes_politely";
    public const string UsesForbiddenPhrase = "uses_forbidden_phrase";
    public const string AnswersSlowly = "answers_slowly";
    public const string HoldsTooLong = "holds_too_long";
    public const string NoAnswer = "no_answer";
    public const string Busy = "busy";

    /// <summary>Named by forbidden-phrase lines: the complement of <see cref="UsesForbiddenPhrase"/>.</summary>
    public const string AvoidsForbiddenPhrases = "avoids_forbidden_phrases";

    /// <summary>Every key a profile must give.</summary>
    public static readonly IReadOnlyList<string> ProfileKeys =
    [
        Greets, GivesName, FollowsProcedure, CorrectInformation, OffersMoreHelp, ClosesPolitely,
        UsesForbiddenPhrase, AnswersSlowly, HoldsTooLong, NoAnswer, Busy,
    ];

    /// <summary>What a line's <c>behaviour</c> may name: the good behaviours.</summary>
    public static readonly IReadOnlyList<string> LineBehaviours =
    [
        Greets, GivesName, FollowsProcedure, CorrectInformation, OffersMoreHelp, ClosesPolitely, AvoidsForbiddenPhrases,
    ];

    /// <summary>The probability that an agent with <paramref name="profile"/> shows the good <paramref name="behaviour"/>.</summary>
    public static double ProbabilityOf(BehaviourProfile profile, string behaviour) =>
        behaviour == AvoidsForbiddenPhrases ? 1 - profile[UsesForbiddenPhrase] : profile[behaviour];
}
