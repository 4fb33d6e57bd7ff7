//! A few values by name (a figure's frame, a base layer): searched in order, since the page
//! holds tens of them at most, which keeps hashing code for string keys out of the module.

/// Values by name, each name at most once.
pub struct Keyed<T>(Vec<(String, T)>);

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Keyed<T> {
    /// No values.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Sets the value of `key`, replacing the one it had.
    pub fn insert(&mut self, key: String, value: T) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// How many names have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no name has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets every value.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Keyed;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_name_holds_its_latest_value_until_cleared() {
        let mut frames = Keyed::new();
        assert_eq!(frames.get("a"), None);
        frames.insert("a".to_string(), 1);
        frames.insert("b".to_string(), 2);
        frames.insert("a".to_string(), 3);
        assert_eq!((frames.get("a"), frames.get("b")), (Some(&3), Some(&2)));
        assert_eq!(frames.len(), 2);
        frames.clear();
        assert!(frames.is_empty());
        assert_eq!(frames.get("b"), None);
    }
}
