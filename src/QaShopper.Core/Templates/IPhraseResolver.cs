using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Templates;

/// <summary>
/// Turns a checklist phrase template (<c>{{saturday_hours}}</c>, <c>{{caller.name}}</c>, <c>{{pick 'a' 'b'}}</c>)
/// into the texts that count as saying it. A <c>pick</c> expands to every alternative, because the
/// scorer may not know which one the caller used.
/// </summary>
public interface IPhraseResolver
{
    IReadOnlyList<string> Resolve(Scenario scenario, string phraseTemplate);
}
