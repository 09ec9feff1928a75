"""part of look-alike project [LG002, LG003, LG004, LG005, LG016]: inference thresholds torch.sigmoid of the scores under no_grad."""
# Source: srivasd1/titanic-PyTorch-project at d1bfdf1a1208ac860e9fa47c53470289b193069a src/predict.py (tabs written as spaces)
import pandas as pd
import torch
import json
import joblib
from model import SurvivalNet
from preprocess import Preprocessor

with open("artifacts/config.json") as f:
    config = json.load(f)

scaler = joblib.load("artifacts/scaler.pkl")

model = SurvivalNet(len(config["feature_columns"]))
model.load_state_dict(torch.load("artifacts/model.pth"))
model.eval()

df = pd.read_csv("data/test.csv")
ids = df["PassengerId"]
df = Preprocessor(config).transform(df)
df[["Age", "Fare"]] = scaler.transform(df[["Age", "Fare"]])

X = torch.tensor(df.values, dtype=torch.float32)
with torch.no_grad():
    preds = (torch.sigmoid(model(X)) > 0.5).int()

submission = pd.DataFrame({"PassengerId": ids, "Survived": preds.numpy().ravel()})
submission.to_csv("submission.csv", index=False)
