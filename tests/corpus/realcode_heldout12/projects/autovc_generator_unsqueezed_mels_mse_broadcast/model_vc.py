"""part of positive project [LG005]: the voice-conversion generator's decoder and postnet produce (B, T, 80) mel frames, which forward() unsqueezes to (B, 1, T, 80) before returning them with the content codes."""
# Source: auspicious3000/autovc@c1827a60e83e6d26030b8953843b2f7cf2bd36db model_vc.py (read as is; its issue #66 quotes the broadcasting warning "target size (torch.Size([4, 1, 128, 80])) ... input size (torch.Size([4, 128, 80]))"; re-typed, identifiers renamed, the postnet's middle convolutions and weight initialisation left out)
import torch
import torch.nn as nn
import torch.nn.functional as F


class LinearNorm(torch.nn.Module):
    def __init__(self, in_dim, out_dim, bias=True, w_init_gain='linear'):
        super(LinearNorm, self).__init__()
        self.linear_layer = torch.nn.Linear(in_dim, out_dim, bias=bias)

    def forward(self, x):
        return self.linear_layer(x)


class ConvNorm(torch.nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, stride=1, padding=None, dilation=1, bias=True,
                 w_init_gain='linear'):
        super(ConvNorm, self).__init__()
        if padding is None:
            padding = int(dilation * (kernel_size - 1) / 2)
        self.conv = torch.nn.Conv1d(in_channels, out_channels, kernel_size=kernel_size, stride=stride,
                                    padding=padding, dilation=dilation, bias=bias)

    def forward(self, signal):
        return self.conv(signal)


class ContentEncoder(nn.Module):
    def __init__(self, dim_neck, dim_emb, freq):
        super(ContentEncoder, self).__init__()
        self.dim_neck = dim_neck
        self.freq = freq
        convs = []
        for i in range(3):
            convs.append(nn.Sequential(
                ConvNorm(80 + dim_emb if i == 0 else 512, 512, kernel_size=5, stride=1, padding=2, dilation=1,
                         w_init_gain='relu'),
                nn.BatchNorm1d(512)))
        self.convolutions = nn.ModuleList(convs)
        self.lstm = nn.LSTM(512, dim_neck, 2, batch_first=True, bidirectional=True)

    def forward(self, x, c_org):
        x = x.squeeze(1).transpose(2, 1)
        c_org = c_org.unsqueeze(-1).expand(-1, -1, x.size(-1))
        x = torch.cat((x, c_org), dim=1)
        for conv in self.convolutions:
            x = F.relu(conv(x))
        x = x.transpose(1, 2)
        self.lstm.flatten_parameters()
        outputs, _ = self.lstm(x)
        fwd = outputs[:, :, :self.dim_neck]
        bwd = outputs[:, :, self.dim_neck:]
        codes = []
        for i in range(0, outputs.size(1), self.freq):
            codes.append(torch.cat((fwd[:, i + self.freq - 1, :], bwd[:, i, :]), dim=-1))
        return codes


class MelDecoder(nn.Module):
    def __init__(self, dim_neck, dim_emb, dim_pre):
        super(MelDecoder, self).__init__()
        self.lstm1 = nn.LSTM(dim_neck * 2 + dim_emb, dim_pre, 1, batch_first=True)
        convs = []
        for i in range(3):
            convs.append(nn.Sequential(
                ConvNorm(dim_pre, dim_pre, kernel_size=5, stride=1, padding=2, dilation=1, w_init_gain='relu'),
                nn.BatchNorm1d(dim_pre)))
        self.convolutions = nn.ModuleList(convs)
        self.lstm2 = nn.LSTM(dim_pre, 1024, 2, batch_first=True)
        self.linear_projection = LinearNorm(1024, 80)

    def forward(self, x):
        x, _ = self.lstm1(x)
        x = x.transpose(1, 2)
        for conv in self.convolutions:
            x = F.relu(conv(x))
        x = x.transpose(1, 2)
        outputs, _ = self.lstm2(x)
        return self.linear_projection(outputs)


class Postnet(nn.Module):
    def __init__(self):
        super(Postnet, self).__init__()
        self.convolutions = nn.ModuleList()
        self.convolutions.append(nn.Sequential(
            ConvNorm(80, 512, kernel_size=5, stride=1, padding=2, dilation=1, w_init_gain='tanh'),
            nn.BatchNorm1d(512)))
        self.convolutions.append(nn.Sequential(
            ConvNorm(512, 80, kernel_size=5, stride=1, padding=2, dilation=1, w_init_gain='linear'),
            nn.BatchNorm1d(80)))

    def forward(self, x):
        for i in range(len(self.convolutions) - 1):
            x = torch.tanh(self.convolutions[i](x))
        return self.convolutions[-1](x)


class VoiceGenerator(nn.Module):
    def __init__(self, dim_neck, dim_emb, dim_pre, freq):
        super(VoiceGenerator, self).__init__()
        self.encoder = ContentEncoder(dim_neck, dim_emb, freq)
        self.decoder = MelDecoder(dim_neck, dim_emb, dim_pre)
        self.postnet = Postnet()

    def forward(self, x, c_org, c_trg):
        codes = self.encoder(x, c_org)
        if c_trg is None:
            return torch.cat(codes, dim=-1)
        tmp = []
        for code in codes:
            tmp.append(code.unsqueeze(1).expand(-1, int(x.size(1) / len(codes)), -1))
        code_exp = torch.cat(tmp, dim=1)
        enc_out = torch.cat((code_exp, c_trg.unsqueeze(1).expand(-1, x.size(1), -1)), dim=-1)
        mel = self.decoder(enc_out)
        mel_post = self.postnet(mel.transpose(2, 1))
        mel_post = mel + mel_post.transpose(2, 1)
        mel = mel.unsqueeze(1)
        mel_post = mel_post.unsqueeze(1)
        return mel, mel_post, torch.cat(codes, dim=-1)
