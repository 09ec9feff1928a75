"""part of look-alike project [LG002, LG005, LG014]: the training component reads (order, product, reordered) triples from a sparse matrix, trains the NCF with nn.MSELoss on the flat sigmoid outputs against the float reordered flags (both (batch,)), zeroing the gradients every batch under AMP with a GradScaler."""
# Source: VikramsDataScience/LLM_Side_Projects at b908bacb (read as is), Recommender_Model/src/NCF_Model_Train/NCF_Model_Train.py;
# re-typed, identifiers renamed; the error logger and the YAML loading shortened (paths and hyper-parameters are
# read from a global dict as in the source).
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import torch
import torch.nn as nn
import torch.optim as optim
import yaml
from sklearn.model_selection import train_test_split
from torch.cuda.amp import GradScaler, autocast
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader, TensorDataset
from tqdm.auto import tqdm

with open(Path("config.yml"), "r") as fh:
    cfg = yaml.safe_load(fh)

sys.path.append(cfg["NCF_path"])
from NCF_Architecture_config import NCF

models_dir = Path(cfg["trained_models"])
model_ver = cfg["model_ver"]
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")

mat = sp.load_npz(models_dir / f"sparse_matrix_{model_ver}.npz").tocoo()
order_id = mat.row
product_id = mat.col
reordered = mat.data
(order_tr, order_te, product_tr, product_te, reordered_tr, reordered_te) = train_test_split(
    order_id, product_id, reordered, test_size=0.30, random_state=1)

order_tr_t = torch.LongTensor(order_tr).to(device)
product_tr_t = torch.LongTensor(product_tr).to(device)
reordered_tr_t = torch.FloatTensor(reordered_tr).to(device)
np.save(models_dir / f"order_test_{model_ver}.npy", order_te)
np.save(models_dir / f"product_test_{model_ver}.npy", product_te)
np.save(models_dir / f"reordered_test_{model_ver}.npy", reordered_te)

model = NCF(mat.shape[0], mat.shape[1], cfg["embedding_dim"])
criterion = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)
scheduler = StepLR(optimizer, step_size=cfg["step_size"], gamma=cfg["gamma"])
scaler = GradScaler()
model.to(device)

loader = DataLoader(TensorDataset(order_tr_t, product_tr_t, reordered_tr_t), batch_size=cfg["batch_size"],
                    shuffle=True)
for epoch in tqdm(range(cfg["num_epochs"]), desc="Epochs"):
    model.train()
    for b_orders, b_products, b_reorders in tqdm(loader, desc="Model Training Progress"):
        optimizer.zero_grad()
        with autocast():
            outputs = model(b_orders, b_products)
            loss = criterion(outputs, b_reorders)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    scheduler.step()

torch.save(model.state_dict(), models_dir / f"model_state_{model_ver}.pth")
