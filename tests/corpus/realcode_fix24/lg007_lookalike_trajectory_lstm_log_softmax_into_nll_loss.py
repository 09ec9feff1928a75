"""look-alike [LG007]: the same next-location model at the fix: forward returns F.log_softmax of its output layer, the log-probabilities nn.NLLLoss expects."""

# Source: LibCity/Bigscity-LibCity@1284f92672 libcity/model/trajectory_loc_prediction/HSTLSTM.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class SpatioTemporalCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.gates = nn.Linear(3 * input_size + hidden_size, 4 * hidden_size)

    def forward(self, loc, tim, dis):
        batch, steps, _ = loc.shape
        h = loc.new_zeros(batch, self.hidden_size)
        c = loc.new_zeros(batch, self.hidden_size)
        outs = []
        for t in range(steps):
            i, f, g, o = self.gates(torch.cat([loc[:, t], tim[:, t], dis[:, t], h], dim=1)).chunk(4, 1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            outs.append(h)
        return torch.stack(outs, dim=1), c


class TrajectoryLocationLSTM(nn.Module):
    def __init__(self, config, data_feature):
        super().__init__()
        self.tim_slots = np.linspace(0, data_feature["tim_slot_max"], config["tim_slot_len"]).astype(int)
        self.embed_size = config["embed_size"]
        self.hidden_size = config["hidden_size"]
        self.loc_size = data_feature["loc_size"]
        self.cell = SpatioTemporalCell(self.embed_size, self.hidden_size)
        self.linear = nn.Linear(self.hidden_size, self.loc_size)
        self.embed_s = nn.Embedding(config["tim_slot_len"], self.embed_size)
        self.embed_q = nn.Embedding(config["dis_slot_len"], self.embed_size)
        self.embed_l = nn.Embedding(self.loc_size, self.embed_size)
        self.loss_func = nn.NLLLoss()

    def forward(self, batch_l, batch_t, batch_d, origin_len):
        hidden_out, _ = self.cell(self.embed_l(batch_l), self.embed_s(batch_t), self.embed_q(batch_d))
        last = (torch.tensor(origin_len) - 1).reshape(-1, 1, 1).repeat(1, 1, self.hidden_size)
        out = torch.gather(hidden_out, 1, last).squeeze(1)
        linear_out = self.linear(out)
        return F.log_softmax(linear_out, dim=1)

    def predict(self, batch):
        return self.forward(batch["current_loc"], batch["tim_slot"], batch["dis_slot"], batch["origin_len"])

    def calculate_loss(self, batch):
        prediction = self.forward(batch["current_loc"], batch["tim_slot"], batch["dis_slot"], batch["origin_len"])
        batch_label = batch["target"]
        return self.loss_func(prediction, batch_label)
