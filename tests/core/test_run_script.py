"""bin/run keeps its banner (address and demo logins) on the screen: whatever it starts in the
background writes to a log file, not to the terminal the banner is printed on."""

from pathlib import Path

RUN = Path(__file__).resolve().parents[2] / "bin" / "run"


def test_background_processes_log_to_a_file_and_the_banner_follows_them():
    lines = RUN.read_text().splitlines()
    background = [line for line in lines if line.rstrip().endswith("&")]
    assert background, "bin/run starts the task worker in the background"
    for line in background:
        assert ">>var/log/" in line and "2>&1" in line, line
    banner = next(i for i, line in enumerate(lines) if "VanPhong: http://" in line)
    assert banner > max(lines.index(line) for line in background)


def test_the_server_starts_once_the_demo_background_work_is_done():
    lines = RUN.read_text().splitlines()
    worker = next(i for i, line in enumerate(lines) if "db_worker" in line)
    wait = next(i for i, line in enumerate(lines) if "wait_for_tasks" in line)
    server = next(i for i, line in enumerate(lines) if "runserver" in line)
    assert worker < wait < server
