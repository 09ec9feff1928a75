"""look-alike [LG001, LG006, LG014]: a tutorial reader moves the CIFAR-10 classifier to the GPU and posts the training loop: the criterion and optimizer come from the tutorial's earlier cells (not posted), the running loss takes .item(), and zero_grad runs every batch."""
# Source: pytorch/tutorials issue #598 "CIFAR10 Net not working on GPU" (the code as posted; re-typed, names renamed; Net, criterion, optimizer and trainloader are defined in the tutorial, not in the post)
import time

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
# Assume that we are on a CUDA machine, then this should print a CUDA device:
print(device)

# initialize net again
net = Net()
net.to(device)
print(net)


start = time.time()

for epoch in range(2):  # loop over the dataset multiple times

    running = 0.0
    for i, batch in enumerate(trainloader, 0):
        # get the inputs
        inputs, labels = batch[0].to(device), batch[1].to(device)

        # zero the parameter gradients
        optimizer.zero_grad()

        # forward + backward + optimize
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        # print statistics
        running += loss.item()
        if i % 2000 == 1999:    # print every 2000 mini-batches
            print('[%d, %5d] loss: %.3f' %
                  (epoch + 1, i + 1, running / 2000))
            running = 0.0

end = time.time()
print((end - start) / 60)
print('Finished Training')
