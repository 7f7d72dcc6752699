//! Finds the `copydesk.toml` that applies to each checked file (the nearest one in the file's
//! folder or above) and keeps every file read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::analysis::Settings;
use crate::config::{self, ConfigError, ConfigLayer, FileFilter};

/// The settings and file filter one configuration file gives (the defaults when none applies).
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub settings: Settings,
    pub filter: FileFilter,
}

impl Applied {
    fn from_layer(layer: &ConfigLayer, base: Option<PathBuf>) -> Applied {
        Applied {
            settings: layer.settings(),
            filter: layer.file_filter(base),
        }
    }
}

/// Configuration files by folder, read on first use.
#[derive(Default)]
pub struct Configs {
    /// The configuration file that applies in each folder seen (`None`: no file).
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
    by_file: HashMap<PathBuf, Applied>,
    defaults: Applied,
}

impl Configs {
    /// What applies to `path` (a file, or a folder for standard input). The first invalid
    /// configuration file met is an error that stops the run.
    pub fn for_path(&mut self, path: &Path) -> Result<&Applied, ConfigError> {
        let absolute = config::absolute(path);
        let folder = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let found = match self.by_folder.get(&folder) {
            Some(found) => found.clone(),
            None => {
                let found = config::find_nearest(&folder);
                self.by_folder.insert(folder, found.clone());
                found
            }
        };
        let Some(file) = found else {
            return Ok(&self.defaults);
        };
        if !self.by_file.contains_key(&file) {
            let layer = config::load(&file)?.unwrap_or_default();
            let base = file.parent().map(Path::to_path_buf);
            self.by_file
                .insert(file.clone(), Applied::from_layer(&layer, base));
        }
        Ok(&self.by_file[&file])
    }
}
