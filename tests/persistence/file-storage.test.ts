import { fileHarness } from './file-harness';
import { describeStorageContract } from './storage-contract';

describeStorageContract('Electron (lowdb JSON files)', fileHarness);
