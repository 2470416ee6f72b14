namespace Agora.Web.Features.Processes;

/// <summary>
/// A module that plugs into a process as a tab: events, news, proposals, conversations, surveys, budgets …
/// Each module registers one with <c>services.AddSingleton(new ProcessComponent(...))</c>. The process page shows a
/// tab for every component switched on in <see cref="Process.Components"/>; the tab links to
/// <c>/processes/{slug}/{Segment}</c>, a page the module owns, which renders <c>_ProcessHeader</c> on top.
/// </summary>
/// <param name="Key">Stable key stored in <see cref="Process.Components"/>, e.g. "events".</param>
/// <param name="LabelKey">Resource key of the tab label.</param>
/// <param name="Segment">URL segment under the process, e.g. "events".</param>
/// <param name="Order">Tab order, lower first.</param>
/// <param name="OnByDefault">Whether a new process starts with this component on.</param>
public sealed record ProcessComponent(string Key, string LabelKey, string Segment, int Order, bool OnByDefault = false);

/// <summary>What the process header partial needs: the process, the active tab ("" for the overview) and whether
/// the reader manages the process (shows the manage link).</summary>
public sealed record ProcessHeader(Process Process, string ActiveTab, bool CanManage);
