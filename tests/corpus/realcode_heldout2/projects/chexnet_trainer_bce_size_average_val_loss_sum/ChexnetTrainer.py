"""part of positive project [LG010, LG006]: the trainer builds torch.nn.BCELoss(size_average = True) for the sigmoid DenseNet, and epochVal adds each validation loss tensor (Variables marked volatile, a flag ignored since PyTorch 0.4) into losstensorMean."""
# Source: https://github.com/zoogzog/chexnet ChexnetTrainer.py at bbe30b5e0d2941491a2c5a095cb572dca1d27158 (issue #12 "Memory error while training": the
# validation sum should add losstensor.data[0]); re-typed, names changed, reduced (`.cuda(async=True)`, a syntax
# error since Python 3.7, left out).
import time

import torch
import torch.optim as optim
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torch.utils.data import DataLoader

from DatasetGenerator import DatasetGenerator
from DensenetModels import DenseNet121, DenseNet169


class ChexnetTrainer:
    def train(pathDirData, pathFileTrain, pathFileVal, nnArchitecture, nnIsTrained, nnClassCount, trBatchSize, trMaxEpoch, transformSequence, launchTimestamp):
        if nnArchitecture == "DENSE-NET-121":
            model = DenseNet121(nnClassCount, nnIsTrained).cuda()
        elif nnArchitecture == "DENSE-NET-169":
            model = DenseNet169(nnClassCount, nnIsTrained).cuda()
        model = torch.nn.DataParallel(model).cuda()
        datasetTrain = DatasetGenerator(pathImageDirectory=pathDirData, pathDatasetFile=pathFileTrain, transform=transformSequence)
        datasetVal = DatasetGenerator(pathImageDirectory=pathDirData, pathDatasetFile=pathFileVal, transform=transformSequence)
        dataLoaderTrain = DataLoader(dataset=datasetTrain, batch_size=trBatchSize, shuffle=True, num_workers=24, pin_memory=True)
        dataLoaderVal = DataLoader(dataset=datasetVal, batch_size=trBatchSize, shuffle=False, num_workers=24, pin_memory=True)
        optimizer = optim.Adam(model.parameters(), lr=0.0001, betas=(0.9, 0.999), eps=1e-08, weight_decay=1e-5)
        scheduler = ReduceLROnPlateau(optimizer, factor=0.1, patience=5, mode="min")
        loss = torch.nn.BCELoss(size_average = True)  # expect: LG010
        lossMIN = 100000
        for epochID in range(0, trMaxEpoch):
            ChexnetTrainer.epochTrain(model, dataLoaderTrain, optimizer, scheduler, trMaxEpoch, nnClassCount, loss)
            lossVal, losstensor = ChexnetTrainer.epochVal(model, dataLoaderVal, optimizer, scheduler, trMaxEpoch, nnClassCount, loss)
            scheduler.step(losstensor.data[0])
            if lossVal < lossMIN:
                lossMIN = lossVal
                torch.save({"epoch": epochID + 1, "state_dict": model.state_dict(), "best_loss": lossMIN, "optimizer": optimizer.state_dict()}, "m-" + launchTimestamp + ".pth.tar")

    def epochTrain(model, dataLoader, optimizer, scheduler, epochMax, classCount, loss):
        model.train()
        for batchID, (input, target) in enumerate(dataLoader):
            target = target.cuda()
            varInput = torch.autograd.Variable(input)
            varTarget = torch.autograd.Variable(target)
            varOutput = model(varInput)
            lossvalue = loss(varOutput, varTarget)
            optimizer.zero_grad()
            lossvalue.backward()
            optimizer.step()

    def epochVal(model, dataLoader, optimizer, scheduler, epochMax, classCount, loss):
        model.eval()
        lossVal = 0
        lossValNorm = 0
        losstensorMean = 0
        for i, (input, target) in enumerate(dataLoader):
            target = target.cuda()
            varInput = torch.autograd.Variable(input, volatile=True)
            varTarget = torch.autograd.Variable(target, volatile=True)
            varOutput = model(varInput)
            losstensor = loss(varOutput, varTarget)
            losstensorMean += losstensor  # expect: LG006
            lossVal += losstensor.data[0]
            lossValNorm += 1
        outLoss = lossVal / lossValNorm
        losstensorMean = losstensorMean / lossValNorm
        return outLoss, losstensorMean
