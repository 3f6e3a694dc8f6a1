"""The encoder's layers as an ONNX graph, run by onnxruntime with int8 (or float) products.

The graph is built at load time from the stored weights (int8 rows with a scale each, as
``encoder.quantized`` writes them), so the repo keeps one copy of the model and numpy
stays the reference: each product quantizes its input to uint8 on the fly
(``DynamicQuantizeLinear``) and multiplies in integers, which onnxruntime fuses into one
kernel; on these CPUs that is about three times as fast as numpy's float products. The
embeddings (a lookup) stay in numpy.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import count

import numpy as np

from ..errors import ModelNotFoundError

_INSTALL = "install onnxruntime and onnx (`make install` does), or pass backend='numpy'"


def _modules():
    try:
        import onnxruntime
        from onnx import TensorProto, helper, numpy_helper
    except ImportError:
        raise ModelNotFoundError(f"The encoder's fast backend needs onnxruntime and onnx: {_INSTALL}.") from None
    return onnxruntime, helper, numpy_helper, TensorProto


@lru_cache(maxsize=1)
def exact_signed_products() -> bool:
    """Whether onnxruntime multiplies uint8 by int8 exactly on this CPU.

    With AVX-512 VNNI it does. With AVX2 alone its kernel adds pairs of products in 16 bits,
    which saturate (255 * 127 * 2 > 32767): up to 12% off on a layer's products, enough to move
    spans (PolNeAR dev quote F1 84.9 -> 84.5). uint8 by uint8 is exact there, a tenth slower.
    """
    _, helper, numpy_helper, tensor = _modules()
    x, w = np.full((1, 2), 255, np.uint8), np.full((2, 1), 127, np.int8)
    inits = [numpy_helper.from_array(w, "w"), numpy_helper.from_array(np.array(0, np.uint8), "xz"),
             numpy_helper.from_array(np.zeros(1, np.int8), "wz")]
    graph = helper.make_graph([helper.make_node("MatMulInteger", ["x", "w", "xz", "wz"], ["y"])], "probe",
                              [helper.make_tensor_value_info("x", tensor.UINT8, [1, 2])],
                              [helper.make_tensor_value_info("y", tensor.INT32, [1, 1])], initializer=inits)
    return int(_session(graph).run(None, {"x": x})[0][0, 0]) == 255 * 127 * 2


def _session(graph, options=None, **kwargs):
    """An onnxruntime session on the CPU for a graph built with ``onnx.helper``."""
    ort, helper, _, _ = _modules()
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)])
    model.ir_version = 9  # what onnxruntime reads
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"], **kwargs)


class _Graph:
    """Nodes and initialisers of one graph, under fresh names."""

    def __init__(self, helper, numpy_helper, int8: bool, unsigned: bool = False):
        self.helper, self.numpy_helper, self.int8 = helper, numpy_helper, int8
        self.unsigned = unsigned  # int8 weights go in as uint8 + 128 (exact_signed_products)
        self.nodes, self.inits, self._n = [], [], count()

    def const(self, name: str, value: np.ndarray) -> str:
        self.inits.append(self.numpy_helper.from_array(value, name))
        return name

    def op(self, kind: str, inputs: list[str], outputs: int = 1, **attrs) -> str | list[str]:
        names = [f"{kind}_{next(self._n)}" for _ in range(outputs)]
        self.nodes.append(self.helper.make_node(kind, inputs, names, **attrs))
        return names[0] if outputs == 1 else names

    def linear(self, x: str, name: str, stored: dict[str, np.ndarray]) -> str:
        """x @ W.T + b with W as int8 rows and a scale per row (an output column here); in
        float when the graph is built with ``int8=False``."""
        if not self.int8:
            w = stored[name + ".weight"].astype(np.float32) * stored[name + ".weight.scale"][:, None]
            product = self.op("MatMul", [x, self.const(name + ".w", np.ascontiguousarray(w.T))])
            return self.op("Add", [product, self.const(name + ".bias", stored[name + ".bias"])])
        q, rows = stored[name + ".weight"], stored[name + ".weight"].shape[0]
        if self.unsigned:
            q, offset = (q.astype(np.int16) + 128).astype(np.uint8), np.full(rows, 128, dtype=np.uint8)
        else:
            offset = np.zeros(rows, dtype=np.int8)
        w = self.const(name + ".q", np.ascontiguousarray(q.T))
        zero = self.const(name + ".zero", offset)
        xq, xs, xz = self.op("DynamicQuantizeLinear", [x], outputs=3)
        product = self.op("Cast", [self.op("MatMulInteger", [xq, w, xz, zero])], to=1)  # to float
        scale = self.op("Mul", [xs, self.const(name + ".scale", stored[name + ".weight.scale"])])
        return self.op("Add", [self.op("Mul", [product, scale]), self.const(name + ".bias", stored[name + ".bias"])])

    def norm(self, x: str, name: str, stored: dict[str, np.ndarray], eps: float) -> str:
        return self.op("LayerNormalization", [x, self.const(name + ".w", stored[name + ".weight"]),
                                              self.const(name + ".b", stored[name + ".bias"])], axis=-1, epsilon=eps)


def _layer(g: _Graph, x: str, mask: str, p: str, stored: dict[str, np.ndarray], heads: int, eps: float) -> str:
    width = stored[p + "attention.self.query.bias"].shape[0]
    split = g.const(p + "split", np.array([0, 0, heads, width // heads], dtype=np.int64))
    q, k, v = (g.op("Transpose", [g.op("Reshape", [g.linear(x, p + f"attention.self.{m}", stored), split])],
                    perm=[0, 2, 3, 1] if m == "key" else [0, 2, 1, 3]) for m in ("query", "key", "value"))
    scale = g.const(p + "temper", np.array((width // heads) ** -0.5, dtype=np.float32))
    att = g.op("Softmax", [g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), mask])], axis=-1)
    joined = g.const(p + "join", np.array([0, 0, width], dtype=np.int64))
    context = g.op("Reshape", [g.op("Transpose", [g.op("MatMul", [att, v])], perm=[0, 2, 1, 3]), joined])
    x = g.norm(g.op("Add", [x, g.linear(context, p + "attention.output.dense", stored)]), p + "attention.output.LayerNorm", stored, eps)
    hidden = g.op("Gelu", [g.linear(x, p + "intermediate.dense", stored)], approximate="tanh")
    return g.norm(g.op("Add", [x, g.linear(hidden, p + "output.dense", stored)]), p + "output.LayerNorm", stored, eps)


class OnnxLayers:
    """The transformer layers and label layer: (windows, length, width) embeddings and an
    additive mask (windows, 1, 1, length) in; label logits, and the last layer they are read
    from (the pointer's input), out."""

    def __init__(self, stored: dict[str, np.ndarray], heads: int, eps: float, int8: bool = True,
                 threads: int = 1):
        ort, helper, numpy_helper, tensor = _modules()
        g = _Graph(helper, numpy_helper, int8, unsigned=int8 and not exact_signed_products())
        layers = len({k.split(".")[2] for k in stored if k.startswith("encoder.layer.")})
        x = "embedded"
        for k in range(layers):
            x = _layer(g, x, "mask", f"encoder.layer.{k}.", stored, heads, eps)
        head = g.const("head.weight", np.ascontiguousarray(stored["head.weight"].T))
        out = g.op("Add", [g.op("MatMul", [x, head]), g.const("head.bias", stored["head.bias"])])
        width, labels = stored["head.weight"].shape[1], stored["head.weight"].shape[0]
        graph = helper.make_graph(
            g.nodes, "encoder", [helper.make_tensor_value_info("embedded", tensor.FLOAT, ["n", "length", width]),
                                 helper.make_tensor_value_info("mask", tensor.FLOAT, ["n", 1, 1, "length"])],
            [helper.make_tensor_value_info(out, tensor.FLOAT, ["n", "length", labels]),
             helper.make_tensor_value_info(x, tensor.FLOAT, ["n", "length", width])], initializer=g.inits)
        options = ort.SessionOptions()
        # idle threads would spin after each window, taking CPU from the parse that runs between
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.intra_op_num_threads = threads
        # ORT's fused Add + LayerNorm kernel is slower here than the two ops it replaces (about 15% of the run)
        self.session = _session(graph, options, disabled_optimizers=["SkipLayerNormFusion"])

    def __call__(self, embedded: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return tuple(self.session.run(None, {"embedded": embedded, "mask": mask}))
