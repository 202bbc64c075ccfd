"""The Prefect flow verify_articles, under one session-scoped Prefect test server."""

from __future__ import annotations

from tests.conftest import DEMO


def test_flow_runs_every_task_and_writes_reports(prefect_harness, tmp_path, gold):
    from prefect.client.orchestration import get_client

    from flows.verify import verify_articles

    state = verify_articles(paths=[str(DEMO)], out_dir=str(tmp_path), return_state=True)
    assert state.is_completed()
    (result,) = state.result()
    verdicts = {c["text"]: c["verdict"] for c in result["claims"]}
    assert verdicts == {c["quote"]: c["verdict"] for c in gold["claims"]}
    assert (tmp_path / f"{DEMO.stem}.html").is_file()
    assert (tmp_path / f"{DEMO.stem}.json").is_file()

    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
        tasks = client.read_task_runs()
    assert run.name == f"check {DEMO.stem}"
    names = {t.name.rsplit("-", 1)[0] for t in tasks if t.flow_run_id == run.id}
    assert names == {"read", "extract claims", "load references", "judge", "GX validation",
                     "render", "index", "record history"}
