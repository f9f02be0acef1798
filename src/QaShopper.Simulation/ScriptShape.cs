using QaShopper.Core.Scenarios;

namespace QaShopper.Simulation;

/// <summary>
/// How a script divides into a menu the caller navigates before a person answers (steps up to the last
/// <c>press</c> that comes before the caller first speaks) and the conversation, whose <c>listen</c> steps are the agent's turns.
/// </summary>
internal sealed record ScriptShape(int MenuSteps, int Turns)
{
    public static ScriptShape Of(IReadOnlyList<ScriptStep> script)
    {
        var firstSay = script.Select((s, i) => (s, i)).FirstOrDefault(x => x.s is SayStep, (null!, script.Count)).Item2;
        var lastPress = -1;
        for (var i = 0; i < firstSay; i++)
        {
            if (script[i] is PressStep)
            {
                lastPress = i;
            }
        }

        var menuSteps = lastPress + 1;
        return new ScriptShape(menuSteps, script.Skip(menuSteps).Count(s => s is ListenStep));
    }
}
