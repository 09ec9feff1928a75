"""part of look-alike project [LG001, LG006, LG014]: the web agent's double critic runs a causal LM over the observation, takes the last hidden state and returns two heads, each an nn.Sequential of Linear/ReLU ending in nn.Linear(in_dim, 2): raw two-class scores."""
# Source: THUDM/WebRL at fa8439ef (read at issue #39, which asks whether the trainer applies softmax before
# CrossEntropyLoss; unchanged at this commit), webrl/models/critic.py; re-typed, identifiers renamed; the tokenizer
# set-up, weight initialisation and gradient-checkpointing helpers shortened.
import torch
import torch.nn as nn
from transformers import AutoModelForCausalLM, AutoTokenizer


class TwinValueHead(nn.Module):
    def __init__(self, device, accelerator, lm_name, cache_dir, in_dim, out_dim):
        super(TwinValueHead, self).__init__()
        out_dim = 2
        self.device = device
        self.accelerator = accelerator
        self.backbone = AutoModelForCausalLM.from_pretrained(lm_name, use_cache=False, trust_remote_code=True).model.to("cpu")
        self.tok = AutoTokenizer.from_pretrained(lm_name, trust_remote_code=True)
        self.tok.padding_side = "right"
        self.tok.pad_token = self.tok.eos_token
        self.head_a = nn.Sequential(nn.Linear(in_dim, in_dim),
                                    nn.ReLU(),
                                    nn.Linear(in_dim, in_dim),
                                    nn.ReLU(),
                                    nn.Linear(in_dim, out_dim))
        self.head_b = nn.Sequential(nn.Linear(in_dim, in_dim),
                                    nn.ReLU(),
                                    nn.Linear(in_dim, in_dim),
                                    nn.ReLU(),
                                    nn.Linear(in_dim, out_dim))

    def forward(self, observation, action, detach_model=False):
        enc = self.tok(observation, padding=True, return_tensors="pt", max_length=16384, truncation=True).to(self.device)
        enc["return_dict"] = True
        enc["output_hidden_states"] = True
        if detach_model:
            with torch.no_grad():
                hidden = self.backbone(**enc)[0][:, -1, :]
        else:
            hidden = self.backbone(**enc)[0][:, -1, :]
        return self.head_a(hidden), self.head_b(hidden)
