"""positive [LG003]: the book's graph-autoencoder notebook decodes edges with an inner-product decoder that returns torch.sigmoid(...) and scores it with torch.nn.BCEWithLogitsLoss; the VGAE section repeats the pairing through PyG's VGAE.decode, whose default InnerProductDecoder also applies a sigmoid."""
# Source: keitabroadwater/gnns_in_action at 77708eb0 (read as is), chapter_5/chapter_5_Graph_Autoencoder.ipynb; the
# code cells concerned (10 to 12, 15 to 25), re-typed, identifiers renamed; the data loading and degree plots, the
# commented-out "old snippet" cells and the first of the two VariationalGCNEncoder definitions cut.
import torch
import torch_geometric.transforms as T
from sklearn.metrics import roc_auc_score
from torch_geometric.data import Data
from torch_geometric.nn import VGAE, GCNConv
from torch_geometric.utils import negative_sampling, to_edge_index
from tqdm.notebook import tqdm


# ---- cell 10
class GCNEncoder(torch.nn.Module):
    def __init__(self, n_in, widths, z_dim):
        super().__init__()
        self.g0 = GCNConv(n_in, widths[0])
        self.g1 = GCNConv(widths[0], widths[1])
        self.g2 = GCNConv(widths[1], z_dim)

    def forward(self, x, edge_index):
        x = self.g0(x, edge_index).relu()
        x = self.g1(x, edge_index).relu()
        return self.g2(x, edge_index)


# ---- cell 11
class DotDecoder(torch.nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, z, edge_index):
        score = (z[edge_index[0]] * z[edge_index[1]]).sum(dim=1)
        return torch.sigmoid(score)


# ---- cell 12
class GraphAE(torch.nn.Module):
    def __init__(self, n_in, widths, z_dim):
        super().__init__()
        self.encoder = GCNEncoder(n_in, widths, z_dim)
        self.decoder = DotDecoder()

    def forward(self, x):
        z = self.encoder(x)
        return self.decoder(z)


# ---- cell 14
edge_index, edge_attr = to_edge_index(adj_matrix)
# ---- cell 15
graph = Data(x=feature_matrix, edge_index=edge_index, edge_attr=edge_attr, y=labels)
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
split = T.Compose([
    T.NormalizeFeatures(),
    T.ToDevice(device),
    T.RandomLinkSplit(num_val=0.05, num_test=0.1, is_undirected=True, add_negative_train_samples=False),
])
train_g, val_g, test_g = split(graph)
# ---- cell 17
n_in, z_dim = feature_matrix.shape[1], 16
widths = [512, 256]
model = GraphAE(n_in, widths, z_dim).to(device)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = torch.nn.BCEWithLogitsLoss()


# ---- cell 18
def train(model, criterion, opt):
    model.train()
    opt.zero_grad()
    z = model.encoder(train_g.x, train_g.edge_index)
    neg = negative_sampling(edge_index=train_g.edge_index, num_nodes=train_g.num_nodes,
                            num_neg_samples=train_g.edge_label_index.size(1), method='sparse')
    pairs = torch.cat([train_g.edge_label_index, neg], dim=-1)
    out = model.decoder(z, pairs).view(-1)
    target = torch.cat([train_g.edge_label, train_g.edge_label.new_zeros(neg.size(1))], dim=0)
    loss = criterion(out, target)  # expect: LG003
    loss.backward()
    opt.step()
    return loss


# ---- cell 19
@torch.no_grad()
def test(g):
    model.eval()
    z = model.encoder(g.x, g.edge_index)
    out = model.decoder(z, g.edge_label_index).view(-1).sigmoid()
    return roc_auc_score(g.edge_label.cpu().numpy(), out.cpu().numpy())


# ---- cell 20
best_val = final_test = 0
bar = tqdm(range(200), desc="Training")
for epoch in bar:
    loss = train(model, criterion, opt)
    val_auc = test(val_g)
    test_auc = test(test_g)
    if val_auc > best_val:
        best_val = val_auc
        final_test = test_auc
    bar.set_description(f"Epoch {epoch:03d} | Loss: {loss:.4f} | Val AUC: {val_auc:.4f} | Test AUC: {test_auc:.4f}")


# ---- cell 21
class VarGCNEncoder(torch.nn.Module):
    def __init__(self, n_in, widths, z_dim):
        super().__init__()
        self.g0 = GCNConv(n_in, widths[0])
        self.g1 = GCNConv(widths[0], widths[1])
        self.mu = GCNConv(widths[1], z_dim)
        self.logvar = GCNConv(widths[1], z_dim)

    def forward(self, x, edge_index):
        x = self.g0(x, edge_index).relu()
        x = self.g1(x, edge_index).relu()
        return self.mu(x, edge_index), self.logvar(x, edge_index)


# ---- cell 22
model = VGAE(VarGCNEncoder(n_in, widths, z_dim)).to(device)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = torch.nn.BCEWithLogitsLoss()


# ---- cell 23
def train(model, criterion, opt):
    model.train()
    opt.zero_grad()
    z = model.encode(train_g.x, train_g.edge_index)
    neg = negative_sampling(edge_index=train_g.edge_index, num_nodes=train_g.num_nodes,
                            num_neg_samples=train_g.edge_label_index.size(1), method='sparse')
    pairs = torch.cat([train_g.edge_label_index, neg], dim=-1)
    out = model.decode(z, pairs).view(-1)
    target = torch.cat([train_g.edge_label, train_g.edge_label.new_zeros(neg.size(1))], dim=0)
    loss = criterion(out, target) + (1 / train_g.num_nodes) * model.kl_loss()  # expect: LG003
    loss.backward()
    opt.step()
    return loss


# ---- cell 24
@torch.no_grad()
def test(g):
    model.eval()
    z = model.encode(g.x, g.edge_index)
    out = model.decode(z, g.edge_label_index).view(-1).sigmoid()
    return roc_auc_score(g.edge_label.cpu().numpy(), out.cpu().numpy())


# ---- cell 25
best_val = final_test = 0
bar = tqdm(range(200), desc="Training")
for epoch in bar:
    loss = train(model, criterion, opt)
    val_auc = test(val_g)
    test_auc = test(test_g)
    if val_auc > best_val:
        best_val = val_auc
        final_test = test_auc
