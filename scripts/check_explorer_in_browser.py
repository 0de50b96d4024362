"""Check the explorer in a real browser: JupyterLab, a live kernel, headless Chromium.

Starts JupyterLab on a free local port, opens ``notebooks/05-explore.ipynb`` in headless
Chromium (driven with Selenium through the system's chromedriver), runs every cell, then uses
the explorer as a reader would — types *love* in the Words tab, picks *pacing* and *criticism*
in the Targets tab, opens a review in the Reader tab — checks what each view shows and saves a
screenshot of each. Nothing is fetched from the network: the widgets come with JupyterLab.

Needs: ``apt-get install -y chromium chromium-driver`` and ``pip install -e '.[browser]'``.

    .venv/bin/python scripts/check_explorer_in_browser.py --screenshots /tmp/explorer-check
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/05-explore.ipynb"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"JupyterLab did not answer at {url} within {timeout:.0f} s")


def _text_appears(driver, text: str, timeout: float) -> None:
    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)


def _tab(driver, title: str):
    tabs = driver.find_elements(By.CSS_SELECTOR, ".jp-OutputArea .lm-TabBar-tab")
    return next(tab for tab in tabs if tab.text.strip() == title)


def check(screenshots: Path, *, chromium: str, chromedriver: str, timeout: float) -> list[str]:
    """Run the check; return the lines of its report (raises on the first failed step)."""
    port, token = _free_port(), secrets.token_hex(16)
    report = []
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as served:
        # JupyterLab saves the notebooks it runs: it gets a copy, so the committed one is untouched.
        shutil.copy(ROOT / NOTEBOOK, served)
        lab = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={token}", "--expose-app-in-browser", f"--ServerApp.root_dir={served}",
             "--allow-root"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        driver = None
        try:
            _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}")
            driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=chromedriver), options=options)
            driver.get(f"http://127.0.0.1:{port}/lab/tree/{Path(NOTEBOOK).name}?token={token}")
            WebDriverWait(driver, timeout).until(
                lambda d: d.execute_script("return !!(window.jupyterapp && document.querySelector('.jp-Notebook'))"))
            time.sleep(3)  # let the kernel start before the cells are sent
            driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            combobox = WebDriverWait(driver, timeout).until(
                expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".jp-OutputArea input[list]")))
            report.append("explorer rendered with a live kernel (Words, Targets, Reader tabs)")
            combobox.send_keys(Keys.CONTROL, "a")
            combobox.send_keys("love", Keys.ENTER)
            _text_appears(driver, "love: 27 hits", timeout)
            driver.save_screenshot(str(screenshots / "explorer-words.png"))
            report.append("Words: typing 'love' shows 'love: 27 hits', the counts per critic and the concordance")

            _tab(driver, "Targets").click()
            target = Select(driver.find_element(By.CSS_SELECTOR, ".jp-OutputArea .widget-dropdown select"))
            target.select_by_visible_text("pacing")
            buttons = driver.find_elements(By.CSS_SELECTOR, ".jp-OutputArea button")
            next(button for button in buttons if button.text.strip() == "criticism").click()
            _text_appears(driver, "decided by", timeout)
            driver.save_screenshot(str(screenshots / "explorer-targets.png"))
            report.append("Targets: 'pacing' + 'criticism' lists each critic's verdict with its criticism sentences")

            _tab(driver, "Reader").click()
            selects = driver.find_elements(By.CSS_SELECTOR, ".jp-OutputArea .widget-dropdown select")
            Select(selects[-1]).select_by_visible_text("thomasjford")
            _text_appears(driver, "Reader comments", timeout)
            driver.save_screenshot(str(screenshots / "explorer-reader.png"))
            report.append("Reader: 'thomasjford' shows the shaded body, the rating line and the comments apart")
        except Exception:
            if driver is not None:
                driver.save_screenshot(str(screenshots / "explorer-failure.png"))
            raise
        finally:
            if driver is not None:
                driver.quit()
            lab.terminate()
            lab.wait(timeout=30)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", type=Path, default=Path("explorer-check"), help="folder for the screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--timeout", type=float, default=240, help="seconds to wait for each step")
    args = parser.parse_args(argv)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    for line in check(args.screenshots, chromium=args.chromium, chromedriver=args.chromedriver, timeout=args.timeout):
        print("ok:", line)
    print(f"screenshots in {args.screenshots}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
