// The review logic the area uses, plus the mapping from the study catalog to plan items.
import { studyItems, type Reviewable } from './study-items';
export * from '../../review';

export function studyItemsFor(all: Map<string, Reviewable>) {
  return studyItems(all);
}
