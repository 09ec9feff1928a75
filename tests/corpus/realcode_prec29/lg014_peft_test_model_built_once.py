"""positive [LG014]: the same unittest builds one model before its loops and hands it to the helper every iteration: each new optimizer steps on the sum of every earlier backward."""

# Source: CarperAI/trlx@3340c2f3a5 tests/test_peft.py (TestPeft._create_model, _backprop, test_save_and_load); re-typed,
# identifiers renamed; the PEFT configurations, the trainer construction, the sequence-to-sequence inputs and the
# reload comparisons cut
# Mutation: the model built once, before the loops (`self._build(CHECKPOINTS[0], True)`), instead of per checkpoint
import os
import tempfile
import unittest

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

CHECKPOINT_KIND = {"gpt2": "causal", "facebook/opt-125m": "causal"}
CHECKPOINTS = list(CHECKPOINT_KIND)


class AdapterRoundTripTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)

    def _build(self, checkpoint, with_value_head):
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)
        if with_value_head:
            self.model.value_head = torch.nn.Linear(self.model.config.hidden_size, 1)
        self._tokenize(checkpoint)

    def _tokenize(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.inputs = self.tokenizer("Once upon a time a goose named Louis ate bananas and", return_tensors="pt")

    def _nudge(self, model):
        output = model(**self.inputs, return_dict=True)
        # an arbitrary loss, only to move the parameters
        loss = torch.nn.functional.binary_cross_entropy_with_logits(output.logits[0][-1][:1], torch.tensor([0.53]))
        loss.backward()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        optimizer.step()  # expect: LG014
        return model

    def test_save_and_load(self):
        self._build(CHECKPOINTS[0], True)
        for with_value_head in [True, False]:
            for checkpoint in CHECKPOINTS:
                self._nudge(self.model)
                with tempfile.TemporaryDirectory() as folder:
                    self.model.save_pretrained(folder)
                    self.assertTrue(os.path.isfile(os.path.join(folder, "config.json")))
                    reloaded = AutoModelForCausalLM.from_pretrained(folder)
                    self.assertEqual(reloaded.state_dict().keys(), self.model.state_dict().keys())
