"""positive [LG006]: the GNN book's GraphSAGE notebook after its fix returns raw SAGEConv scores to CrossEntropyLoss, but fit() still adds every mini-batch's validation loss, computed from the training forward pass, as a tensor to val_loss, which lives for the whole epoch."""
# Source: PacktPublishing/Hands-On-Graph-Neural-Networks-Using-Python@d98fdd74de7169253820d0050d994b944279360a Chapter08/chapter8.ipynb (the fix "Don't apply log_softmax since CrossEntropyLoss expects logits", pull request #4, which leaves the val_loss sum; the .py text of the code cells, pip and plotting cells left out; re-typed, identifiers renamed)
import torch
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid
from torch_geometric.loader import NeighborLoader
from torch_geometric.nn import SAGEConv

torch.manual_seed(-1)

dataset = Planetoid(root='.', name="Pubmed")
data = dataset[0]

train_loader = NeighborLoader(
    data,
    num_neighbors=[5, 10],
    batch_size=16,
    input_nodes=data.train_mask,
)


def accuracy(pred_y, y):
    return ((pred_y == y).sum() / len(y)).item()


class SageNet(torch.nn.Module):
    def __init__(self, dim_in, dim_h, dim_out):
        super().__init__()
        self.conv1 = SAGEConv(dim_in, dim_h)
        self.conv2 = SAGEConv(dim_h, dim_out)

    def forward(self, x, edge_index):
        h = self.conv1(x, edge_index)
        h = torch.relu(h)
        h = F.dropout(h, p=0.5, training=self.training)
        h = self.conv2(h, edge_index)
        return h

    def fit(self, loader, epochs):
        criterion = torch.nn.CrossEntropyLoss()
        optimizer = torch.optim.Adam(self.parameters(), lr=0.01)
        self.train()
        for epoch in range(epochs + 1):
            total_loss = 0
            acc = 0
            val_loss = 0
            val_acc = 0
            for batch in loader:
                optimizer.zero_grad()
                out = self(batch.x, batch.edge_index)
                loss = criterion(out[batch.train_mask], batch.y[batch.train_mask])
                total_loss += loss.item()
                acc += accuracy(out[batch.train_mask].argmax(dim=1), batch.y[batch.train_mask])
                loss.backward()
                optimizer.step()
                val_loss += criterion(out[batch.val_mask], batch.y[batch.val_mask])  # expect: LG006
                val_acc += accuracy(out[batch.val_mask].argmax(dim=1), batch.y[batch.val_mask])
            if epoch % 20 == 0:
                print(f'Epoch {epoch:>3} | Train Loss: {loss / len(loader):.3f} | Val Loss: {val_loss / len(train_loader):.2f}')

    @torch.no_grad()
    def test(self, data):
        self.eval()
        out = self(data.x, data.edge_index)
        return accuracy(out.argmax(dim=1)[data.test_mask], data.y[data.test_mask])


sage = SageNet(dataset.num_features, 64, dataset.num_classes)
sage.fit(train_loader, 200)
print(f'GraphSAGE test accuracy: {sage.test(data) * 100:.2f}%')
