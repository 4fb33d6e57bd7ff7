//! What a person does: click, type, press keys, move between frames, read a dialog.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;

use super::Browser;
use crate::Result;

impl Browser {
    /// Clicks the element `css` like a person would (scrolled into view, real pointer events).
    pub fn click(&self, css: &str) -> Result<()> {
        self.run(&format!("click {css}"), async {
            self.client.find(Locator::Css(css)).await?.click().await
        })
    }

    /// Clicks `css` once it is scrolled to the middle of the viewport: scrolled to the top,
    /// as [`Browser::click`] leaves it, it would sit under the lab's sticky bar.
    pub fn click_centred(&self, css: &str) -> Result<()> {
        self.js_with(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' }); return null;",
            vec![serde_json::json!(css)],
        )?;
        self.click(css)
    }

    /// Empties the text field `css` and types `text` into it.
    pub fn type_into(&self, css: &str, text: &str) -> Result<()> {
        self.run(&format!("type into {css}"), async {
            let field = self.client.find(Locator::Css(css)).await?;
            field.clear().await?;
            field.send_keys(text).await
        })
    }

    /// Gives the file input `css` the file at `path`, as a person choosing it would.
    pub fn send_file(&self, css: &str, path: &std::path::Path) -> Result<()> {
        let path = path.display().to_string();
        self.run(&format!("choose a file in {css}"), async {
            self.client
                .find(Locator::Css(css))
                .await?
                .send_keys(&path)
                .await
        })
    }

    /// Presses `keys` together (in order down, reverse order up) on the focused element,
    /// e.g. `&[Key::Shift, Key::Enter]`.
    pub fn press(&self, keys: &[Key]) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_string());
        for &key in keys {
            actions = actions.then(KeyAction::Down { value: key.into() });
        }
        for &key in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: key.into() });
        }
        self.run("press keys", async {
            self.client.perform_actions(actions).await?;
            self.client.release_actions().await
        })
    }

    /// Makes the iframe `css` the frame that scripts and lookups act in.
    pub fn enter_frame(&self, css: &str) -> Result<()> {
        self.run(&format!("enter frame {css}"), async {
            self.client
                .find(Locator::Css(css))
                .await?
                .enter_frame()
                .await
        })
    }

    /// Goes back to the parent frame.
    pub fn leave_frame(&self) -> Result<()> {
        self.run("leave frame", self.client.enter_parent_frame())
    }

    /// The text of an open `alert`/`confirm`/`prompt`, if one is open (it stays open).
    pub fn open_dialog(&self) -> Option<String> {
        self.run("read alert", self.client.get_alert_text()).ok()
    }
}
