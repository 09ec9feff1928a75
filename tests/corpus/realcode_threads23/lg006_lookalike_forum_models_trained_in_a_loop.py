"""look-alike [LG006, LG014]: several models trained one after another from a dict; the cached memory grew because old models were kept."""

# Source: https://discuss.pytorch.org/t/gpu-cached-memory-increase-when-training-different-models-in-a-loop/48998
# (the question's loop, re-typed and renamed). The poster's conclusion: "I had to delete objects of models after
# training so that GC can clean them": outside the catalog. The loop clears, back-propagates and steps each model's
# own optimizer and keeps no loss tensor. `all_models` and `log_message` are not defined in the post.
import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
for model_name, training_obj in all_models.items():
    num_epochs = len(training_obj["lr_array"])
    log_message("Training model: " + model_name)
    optimizer = training_obj["optimizer"]
    train_loader = training_obj["train_loader"]
    criterion = training_obj["criterion"]
    model = training_obj.get("model")
    model.to(device)
    model.train()
    for epoch in range(num_epochs):
        torch.cuda.empty_cache()
        for i_batch, (images, labels) in enumerate(train_loader):
            images = images.to(device)
            labels = labels.to(device)
            outputs = model(images).squeeze()
            optimizer.zero_grad()
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
