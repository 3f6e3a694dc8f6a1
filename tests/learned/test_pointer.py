"""The content pointer: distance buckets, the span it draws, numpy against the torch model it is
trained as, and where extraction lets it redraw a content."""
from __future__ import annotations

import numpy as np
import pytest

from onrecord.learned.pointer import BUCKETS, KEYS, RANK, Pointer, Window, distance_buckets, initial
from onrecord.quotes.attribution import Attribution

WIDTH = 8


@pytest.mark.parametrize(("distance", "bucket"), [
    (0, BUCKETS), (1, BUCKETS + 1), (-1, BUCKETS - 1), (2, BUCKETS + 3), (3, BUCKETS + 4), (4, BUCKETS + 5),
    (-4, BUCKETS - 5), (200, 2 * BUCKETS), (-200, 0), (10_000, 2 * BUCKETS),
])
def test_distance_buckets_double_on_either_side_of_the_cue(distance, bucket) -> None:
    assert int(distance_buckets(np.array([distance]))[0]) == bucket


def _pointer(starts: list[float], ends: list[float], positions: list[int]) -> Pointer:
    """A pointer whose start and end scores are the hidden states' first and second columns."""
    w = {k: np.zeros_like(v) for k, v in initial(WIDTH, np.random.default_rng(0)).items()}
    w["pointer.unary.weight"][0, 0] = w["pointer.unary.weight"][1, 1] = 1.0
    hidden = np.zeros((len(positions), WIDTH), "float32")
    hidden[:, 0], hidden[:, 1] = starts, ends
    return Pointer(w, [Window(hidden, np.array(positions))])


def test_the_pointer_draws_the_likeliest_span_that_leaves_the_cue_out() -> None:
    # positions: [CLS] t0 t1 t2 t3 t4 [SEP]; the cue is t1
    positions = [-1, 0, 1, 2, 3, 4, -1]
    p = _pointer([0, 0, 9, 0, 5, 0, 0], [0, 0, 0, 0, 0, 6, 9], positions)
    first, last, prob = p.content(1, 1)
    assert (first, last) == (3, 4)  # t1 starts best but is the cue; [SEP] is no token
    start = np.exp(5) / (np.exp(9) + np.exp(5) + 3)  # each end of the pair normalised over the window's tokens
    assert prob == pytest.approx(start * np.exp(6) / (np.exp(6) + 4), rel=1e-4)
    assert p.content(9, 9) is None  # a cue outside every window


def test_a_cue_across_two_windows_gets_no_content() -> None:
    w = {k: np.zeros_like(v) for k, v in initial(WIDTH, np.random.default_rng(0)).items()}
    windows = [Window(np.zeros((3, WIDTH), "float32"), np.array([-1, 0, -1])),
               Window(np.zeros((3, WIDTH), "float32"), np.array([-1, 1, -1]))]
    assert Pointer(w, windows).content(0, 1) is None


def test_numpy_pointer_computes_what_the_torch_model_trains() -> None:
    torch = pytest.importorskip("torch", reason="torch is the train extra (make install puts it in)")
    from onrecord.learned.encoder import pretrained_weights
    from onrecord.learned.encoder_train import bottom_layers, pointer_scores, torch_encoder

    model = torch_encoder(bottom_layers(pretrained_weights(), 1), 15, 0.1, pointer=True).eval()
    weights = model.numpy_weights()
    assert set(KEYS) <= set(weights) and weights["pointer.tok.weight"].shape == (4 * RANK, 384)
    ids = torch.tensor([[101, 2198, 2056, 1996, 2155, 2052, 2448, 102]])
    with torch.no_grad():
        _, hidden = model(ids)
        rows = torch.tensor([[0, 2, 2, 3, 6, 1, 1]])  # cue 'said' at position 2
        scores = pointer_scores(torch, model, hidden, rows, torch.ones(1, 8, dtype=torch.bool))[0, :2]
    expected = torch.log_softmax(scores, -1).numpy()
    got = Pointer(weights, [Window(hidden[0].numpy(), np.arange(-1, 7))])._log_probs(
        Window(hidden[0].numpy(), np.array([0, 1, 2, 3, 4, 5, 6, 7])), 2, 2)
    assert np.abs(got - expected).max() < 1e-4


@pytest.mark.parametrize(("learned", "pointed", "expected"), [
    (True, (10, 30), [(10, 30)]),  # the tagger's statement: the pointer's content
    (True, None, [(10, 20), (24, 30)]),  # the pointer was not sure: the tagger's pieces
    (False, (10, 30), [(10, 20), (24, 30)]),  # a rule's statement keeps its own
])
def test_extraction_takes_the_pointers_content_for_the_taggers_statements(learned, pointed, expected) -> None:
    from onrecord.learned.pipeline import _pointed

    a = Attribution([(10, 20), (24, 30)], "indirect", cue=(0, 4), learned=learned, pointed=pointed)
    assert _pointed(a).content == expected
