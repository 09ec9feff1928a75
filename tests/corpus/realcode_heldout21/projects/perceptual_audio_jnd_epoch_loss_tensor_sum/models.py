"""part of positive project [LG006]: JNDnet computes a learned audio distance, classifies it with a small MLP ending in nn.Linear(.., 2) (an optional --classif_act adds a Sigmoid or Tanh), and forward returns (CrossEntropyLoss on the raw pair scores, dist, class_pred, class_prob), the loss holding the graph."""
# Source: adrienchaton/PerceptualAudio_Pytorch at 6f2180f9 (read as is; issue #1 discusses the CE call in JNDnet.forward), models.py;
# re-typed, identifiers renamed; the gradient-check helper shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F


class lossnet(nn.Module):
    def __init__(self, nconv=14, nchan=32, dp=0.1, dist_act="no"):
        super(lossnet, self).__init__()
        self.nconv = nconv
        self.dist_act = dist_act
        self.convs = nn.ModuleList()
        self.chan_w = nn.ParameterList()
        for i in range(nconv):
            c_in = 1 if i == 0 else nchan
            if (i + 1) % 5 == 0:
                nchan = nchan * 2
            if i < nconv - 1:
                layers = [nn.Conv1d(c_in, nchan, 3, stride=2, padding=1), nn.BatchNorm1d(nchan), nn.LeakyReLU()]
                if dp != 0:
                    layers.append(nn.Dropout(p=dp))
            else:
                layers = [nn.Conv1d(c_in, nchan, 3, stride=1, padding=1), nn.BatchNorm1d(nchan), nn.LeakyReLU()]
            self.convs.append(nn.Sequential(*layers))
            self.chan_w.append(nn.Parameter(torch.randn(nchan), requires_grad=True))
        if dist_act == "sig":
            self.act = nn.Sigmoid()
        elif dist_act == "tanh":
            self.act = nn.Tanh()
        elif dist_act == "no":
            self.act = nn.Identity()
        else:
            self.act = None

    def forward(self, xref, xper):
        xref = xref.unsqueeze(1)
        xper = xper.unsqueeze(1)
        dist = 0
        for i in range(self.nconv):
            xref = self.convs[i](xref)
            xper = self.convs[i](xper)
            diff = (xref - xper).permute(0, 2, 1)
            wdiff = diff * self.chan_w[i]
            wdiff = torch.sum(torch.abs(wdiff), dim=(1, 2)) / diff.shape[1] / diff.shape[2]
            dist = dist + wdiff
        if self.dist_act == "exp":
            dist = torch.exp(torch.clamp(dist, max=20.0)) / (10 ** 5)
        else:
            dist = self.act(dist)
        return dist


class classifnet(nn.Module):
    def __init__(self, ndim=[16, 6], dp=0.1, BN=1, classif_act="no"):
        super(classifnet, self).__init__()
        mlp = []
        for i in range(2):
            fin = 1 if i == 0 else ndim[i - 1]
            mlp.append(nn.Linear(fin, ndim[i]))
            if BN == 1 and i == 0:
                mlp.append(nn.BatchNorm1d(ndim[i]))
            elif BN == 2:
                mlp.append(nn.BatchNorm1d(ndim[i]))
            mlp.append(nn.LeakyReLU())
            if dp != 0:
                mlp.append(nn.Dropout(p=dp))
        # last linear maps to the two classes; the loss includes LogSoftmax
        mlp.append(nn.Linear(ndim[i], 2))
        if classif_act == "sig":
            mlp.append(nn.Sigmoid())
        if classif_act == "tanh":
            mlp.append(nn.Tanh())
        self.MLP = nn.Sequential(*mlp)

    def forward(self, dist):
        return self.MLP(dist.unsqueeze(1))


class JNDnet(nn.Module):
    def __init__(self, nconv=14, nchan=32, dist_dp=0.1, dist_act="no", ndim=[16, 6], classif_dp=0.1, classif_BN=0, classif_act="no", dev=torch.device("cpu"), minit=0):
        super(JNDnet, self).__init__()
        self.model_dist = lossnet(nconv=nconv, nchan=nchan, dp=dist_dp, dist_act=dist_act)
        self.model_classif = classifnet(ndim=ndim, dp=classif_dp, BN=classif_BN, classif_act=classif_act)
        self.CE = nn.CrossEntropyLoss(reduction="mean")
        self.dev = dev

    def forward(self, xref, xper, labels):
        dist = self.model_dist.forward(xref, xper)
        pred = self.model_classif.forward(dist)
        loss = self.CE(pred, torch.squeeze(labels, -1))
        class_prob = F.softmax(pred, dim=-1)
        class_pred = torch.argmax(class_prob, dim=-1)
        return loss, dist, class_pred, class_prob
