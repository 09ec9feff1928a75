"""positive [LG011]: the Chinese word segmenter's predictor builds torch.nn.Softmax() without dim and applies it to the (tokens, tags) scores of one sentence before the argmax (the fix, "fix predictor", passes dim=-1)."""

# Source: Riccorl/chinese-word-segmentation-pytorch@d05dbb45ab cws/predictor.py, fixed in faef848549 (cut, renamed)
from typing import List

import torch
from tqdm import tqdm


class SegmentPredictor:
    def __init__(self, model_path):
        self.tags = {1: "B", 2: "I", 3: "E", 4: "S"}
        self.softmax_fn = torch.nn.Softmax()  # expect: LG011
        self.model = torch.load(model_path)
        self.tokenizer = self.model.data.tokenizer
        self.max_length = self.tokenizer.model_max_length

    def predict_lines(self, lines: List[str]):
        for line in tqdm(lines):
            chars = [c for c in line]
            prediction = self._predict(chars[: self.max_length])
            if len(chars) > self.max_length:
                prediction += self._predict(chars[self.max_length :])
            tags = [self.tags[p + 1] for p in prediction]
            yield tags, [c if tags[i] in ("B", "I") else c + " " for i, c in enumerate(chars)]

    def _predict(self, chars):
        example = self.tokenizer.encode_plus(chars, return_token_type_ids=True, return_attention_mask=True, return_tensors="pt")
        example = {k: v.to(self.model.device) for k, v in example.items()}
        scores = self.model(example, training=False)[0]
        probs = self.softmax_fn(scores).cpu().data.numpy()
        return probs[1:-1, 1:].argmax(axis=-1)
