"""environment.yml (for conda users) must list the same dependencies as pyproject.toml, and
constraints.txt (for `make install`) pin a version of each inside its range."""

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from analysis.paths import PROJECT_ROOT

REQUIREMENT = re.compile(r"^([A-Za-z0-9_.\-]+)\s*(.*)$")
# conda-forge's names for packages whose PyPI name differs.
PYPI_NAMES = {"msgpack-python": "msgpack"}


def _parse(requirements):
    parsed = {}
    for requirement in requirements:
        name, bound = REQUIREMENT.match(requirement).groups()
        name = name.lower().replace("_", "-")
        parsed[PYPI_NAMES.get(name, name)] = bound.replace(" ", "")
    return parsed


def test_environment_yml_matches_pyproject():
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    environment = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in environment["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip"))]
    pip_only = [d for d in _pip_section(environment) if d != "-e ."]
    assert _parse(conda + pip_only) == _parse(pyproject["project"]["dependencies"])


def _pip_section(environment):
    return next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))


def test_environment_yml_is_conda_forge_only_and_installs_the_package():
    environment = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert environment["channels"] == ["conda-forge", "nodefaults"]
    assert "python=3.11" in environment["dependencies"]
    # Only what conda-forge lacks comes from PyPI: the Typst binding (conda-forge's typst is the CLI).
    assert _pip_section(environment) == ["typst>=0.15", "-e ."]


def _pins():
    lines = (PROJECT_ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    requirements = [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]
    return {canonicalize_name(r.name): r for r in requirements}


def test_constraints_pin_one_version_of_every_dependency_inside_its_range():
    pins = _pins()
    assert all(len(pin.specifier) == 1 and next(iter(pin.specifier)).operator == "==" for pin in pins.values())
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for dependency in map(Requirement, pyproject["project"]["dependencies"]):
        pin = pins.get(canonicalize_name(dependency.name))
        assert pin is not None, f"{dependency.name} is not pinned in constraints.txt"
        pinned_version = next(iter(pin.specifier)).version
        assert dependency.specifier.contains(pinned_version), f"{pin} is outside {dependency}"
