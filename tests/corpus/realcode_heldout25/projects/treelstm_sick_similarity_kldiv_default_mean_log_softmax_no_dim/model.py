"""part of positive project [LG009, LG011]: the Child-Sum Tree-LSTM similarity head concatenates the product and absolute difference of the two sentence states, applies a sigmoid hidden layer and returns F.log_softmax(self.wp(out)) with no dim."""
# Source: ttpro1995/treelstm.pytorch at 5363ef3a (read as is; a fork of the Tree-LSTM SICK relatedness code), model.py;
# re-typed, identifiers renamed; the Tree-LSTM cell's gate arithmetic shortened, the sentiment module cut.
import torch.nn as nn
import torch.nn.functional as F


class ChildSumTreeLSTM(nn.Module):
    def __init__(self, cuda, vocab_size, in_dim, mem_dim):
        super(ChildSumTreeLSTM, self).__init__()
        self.cudaFlag = cuda
        self.emb = nn.Embedding(vocab_size, in_dim)
        self.ioux = nn.Linear(in_dim, 3 * mem_dim)
        self.iouh = nn.Linear(mem_dim, 3 * mem_dim)
        self.fx = nn.Linear(in_dim, mem_dim)
        self.fh = nn.Linear(mem_dim, mem_dim)
        self.mem_dim = mem_dim

    def node_forward(self, inputs, child_c, child_h):
        child_h_sum = F.torch.sum(child_h, 0)
        iou = self.ioux(inputs) + self.iouh(child_h_sum)
        i, o, u = F.torch.split(iou, iou.size(1) // 3, dim=1)
        i, o, u = F.sigmoid(i), F.sigmoid(o), F.tanh(u)
        f = F.sigmoid(self.fh(child_h) + self.fx(inputs).repeat(len(child_h), 1))
        c = F.torch.mul(i, u) + F.torch.sum(F.torch.mul(f, child_c), 0)
        h = F.torch.mul(o, F.tanh(c))
        return c, h

    def forward(self, tree, inputs):
        embs = F.torch.unsqueeze(self.emb(inputs), 1)
        for idx in range(tree.num_children):
            self.forward(tree.children[idx], inputs)
        child_c, child_h = self.get_child_states(tree)
        tree.state = self.node_forward(embs[tree.idx], child_c, child_h)
        return tree.state


class PairSimilarity(nn.Module):
    def __init__(self, cuda, mem_dim, hidden_dim, num_classes):
        super(PairSimilarity, self).__init__()
        self.cudaFlag = cuda
        self.wh = nn.Linear(2 * mem_dim, hidden_dim)
        self.wp = nn.Linear(hidden_dim, num_classes)

    def forward(self, lvec, rvec):
        mult = F.torch.mul(lvec, rvec)
        absd = F.torch.abs(F.torch.add(lvec, -rvec))
        feats = F.torch.cat((mult, absd), 1)
        out = F.sigmoid(self.wh(feats))
        out = F.log_softmax(self.wp(out))  # expect: LG011
        return out


class TreeSimilarityModel(nn.Module):
    def __init__(self, cuda, vocab_size, in_dim, mem_dim, hidden_dim, num_classes):
        super(TreeSimilarityModel, self).__init__()
        self.cudaFlag = cuda
        self.tree_lstm = ChildSumTreeLSTM(cuda, vocab_size, in_dim, mem_dim)
        self.similarity = PairSimilarity(cuda, mem_dim, hidden_dim, num_classes)

    def forward(self, ltree, linputs, rtree, rinputs):
        lstate, lhidden = self.tree_lstm(ltree, linputs)
        rstate, rhidden = self.tree_lstm(rtree, rinputs)
        return self.similarity(lstate, rstate)
