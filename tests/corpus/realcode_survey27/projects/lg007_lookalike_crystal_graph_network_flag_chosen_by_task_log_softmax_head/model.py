"""part of look-alike project [LG007]: the crystal graph network, whose classification head (made when the flag is set) ends in nn.LogSoftmax."""

# Source: txie-93/cgcnn@f42ab23 cgcnn/model.py (re-typed, renamed, cut: the graph convolutions become linear layers)
import torch
import torch.nn as nn


class CrystalGraphNet(nn.Module):
    def __init__(self, atom_fea_len, hidden_len=128, n_conv=3, n_h=1, classification=False):
        super(CrystalGraphNet, self).__init__()
        self.classification = classification
        self.embedding = nn.Linear(atom_fea_len, 64)
        self.convs = nn.ModuleList([nn.Linear(64, 64) for _ in range(n_conv)])
        self.conv_to_fc = nn.Linear(64, hidden_len)
        self.conv_to_fc_softplus = nn.Softplus()
        if n_h > 1:
            self.fcs = nn.ModuleList([nn.Linear(hidden_len, hidden_len) for _ in range(n_h - 1)])
            self.softpluses = nn.ModuleList([nn.Softplus() for _ in range(n_h - 1)])
        if self.classification:
            self.fc_out = nn.Linear(hidden_len, 2)
        else:
            self.fc_out = nn.Linear(hidden_len, 1)
        if self.classification:
            self.logsoftmax = nn.LogSoftmax(dim=1)
            self.dropout = nn.Dropout()

    def forward(self, atom_fea, crystal_atom_idx):
        atom_fea = self.embedding(atom_fea)
        for conv in self.convs:
            atom_fea = conv(atom_fea)
        crys_fea = torch.cat([torch.mean(atom_fea[idx], dim=0, keepdim=True) for idx in crystal_atom_idx], dim=0)
        crys_fea = self.conv_to_fc(self.conv_to_fc_softplus(crys_fea))
        crys_fea = self.conv_to_fc_softplus(crys_fea)
        if self.classification:
            crys_fea = self.dropout(crys_fea)
        if hasattr(self, "fcs") and hasattr(self, "softpluses"):
            for fc, softplus in zip(self.fcs, self.softpluses):
                crys_fea = softplus(fc(crys_fea))
        out = self.fc_out(crys_fea)
        if self.classification:
            out = self.logsoftmax(out)
        return out
