using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>How a journey is walked: with a mouse, by keyboard only (Tab, Shift+Tab, Enter, Space, typing), or
/// with a pointer in a browser that runs no JavaScript at all (every act is then a plain form post or link).</summary>
public enum Way
{
    Mouse,
    Keyboard,
    NoScript,
}

/// <summary>
/// A person on a page who fills, chooses and presses the way the run asks. The journeys say what the person does;
/// this says how. By keyboard, each control is reached by tabbing from where the focus is (so focus order is
/// exercised and the focus must be visible at every stop) and no pointer event is ever sent.
/// </summary>
public sealed class Person(IPage page, Way way)
{
    public IPage Page { get; } = page;
    public Way Way { get; } = way;
    private bool ByKeyboard => Way == Way.Keyboard;

    public ILocator Locator(string selector) => Page.Locator(selector);

    /// <summary>Opens an address (a bookmark, a typed address or the link in an e-mail) and checks the page.</summary>
    public Task<int> GoAsync(string journey, string path) => Page.GoAsync(journey, path);

    public Task AuditAsync(string journey) => Page.AuditAsync(journey);

    public async Task FillAsync(ILocator field, string text)
    {
        if (ByKeyboard)
            await Page.TypeIntoAsync(field, text);
        else
            await field.FillAsync(text);
    }

    /// <summary>Follows a link or presses a button that submits its form (Enter by keyboard); returns when the next
    /// page has loaded.</summary>
    public async Task PressAsync(ILocator control)
    {
        if (ByKeyboard)
        {
            await Page.TabToAsync(control);
            // A mark on the current document: gone once the next page has replaced it.
            await Page.EvaluateAsync("() => { window.agoraLeaving = true; }");
            await Page.Keyboard.PressAsync("Enter");
            await Page.WaitForFunctionAsync("() => !window.agoraLeaving && document.readyState === 'complete'");
        }
        else
        {
            await control.ClickAsync();
        }
    }

    /// <summary>Ticks a checkbox (Space) or chooses a radio button: Tab reaches a radio group once, the arrow keys
    /// move within it.</summary>
    public async Task CheckAsync(ILocator box)
    {
        if (!ByKeyboard)
        {
            await box.CheckAsync();
            return;
        }
        if (await box.GetAttributeAsync("type") == "radio")
        {
            var name = await box.GetAttributeAsync("name");
            await Page.TabToAsync(Page.Locator($"input[type=radio][name='{name}']"));
            for (var i = 0; i < 10 && !await box.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
                await Page.Keyboard.PressAsync("ArrowDown");
        }
        else
        {
            await Page.TabToAsync(box);
        }
        if (!await box.IsCheckedAsync())
            await Page.Keyboard.PressAsync("Space");
        Assert.True(await box.IsCheckedAsync(), $"{box} is not chosen.");
    }

    /// <summary>Chooses an option of a select (by keyboard: focus it and move with the arrow keys).</summary>
    public async Task SelectAsync(ILocator select, string value)
    {
        if (!ByKeyboard)
        {
            await select.SelectOptionAsync(value);
            return;
        }
        await Page.TabToAsync(select);
        foreach (var key in new[] { "ArrowDown", "ArrowUp" })
        {
            for (var i = 0; i < 40 && await select.InputValueAsync() != value; i++)
                await Page.Keyboard.PressAsync(key);
        }
        Assert.Equal(value, await select.InputValueAsync());
    }

    /// <summary>After a post that redirects, the status notice has the focus, so a screen reader reads it out.</summary>
    public async Task StatusIsAnnouncedAsync(string containing)
    {
        var notice = Page.Locator("main > .notice[role=status]");
        await Assertions.Expect(notice).ToContainTextAsync(containing);
        await Assertions.Expect(notice).ToBeFocusedAsync();
    }
}
