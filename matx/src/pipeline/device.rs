//! The device a session runs on, parsed from the names hosts pass (`"cpu"`).

use crate::error::{exc, Error};
use crate::Result;

/// Where a session's ops run. This build runs ops on the CPU only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Device {
    #[default]
    Cpu,
}

impl Device {
    /// The device named `name`: `"cpu"` (any case). GPU names (`"cuda"`, `"cuda:0"`,
    /// `"gpu"`) and anything else are a `ValueError` saying what this build supports.
    pub fn parse(name: &str) -> Result<Device> {
        let lower = name.trim().to_ascii_lowercase();
        if lower == "cpu" {
            return Ok(Device::Cpu);
        }
        let kind = lower.split(':').next().unwrap_or_default();
        if matches!(kind, "cuda" | "gpu") {
            return Err(Error::new(
                &exc::ValueError,
                format!("device '{name}': GPU devices are not supported by this build of matx; use 'cpu'"),
            ));
        }
        Err(Error::new(
            &exc::ValueError,
            format!("unknown device '{name}': this build of matx supports 'cpu'"),
        ))
    }

    /// The device's name (`"cpu"`).
    pub fn name(self) -> &'static str {
        match self {
            Device::Cpu => "cpu",
        }
    }
}

impl std::str::FromStr for Device {
    type Err = Error;
    fn from_str(s: &str) -> Result<Device> {
        Device::parse(s)
    }
}

impl std::fmt::Display for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Device;

    #[test]
    fn parses_cpu_and_refuses_the_rest() {
        assert_eq!(Device::parse("cpu").unwrap(), Device::Cpu);
        assert_eq!(Device::parse("CPU").unwrap(), Device::Cpu);
        for gpu in ["cuda", "cuda:0", "gpu"] {
            let e = Device::parse(gpu).unwrap_err();
            assert_eq!(e.kind().name, "ValueError");
            assert!(
                e.message().contains("GPU devices are not supported"),
                "{}",
                e.message()
            );
        }
        let e = Device::parse("tpu").unwrap_err();
        assert!(
            e.message().contains("unknown device 'tpu'"),
            "{}",
            e.message()
        );
    }
}
